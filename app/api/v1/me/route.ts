import { meOp } from '@/lib/admin/api';
import { route } from '@/lib/http/route';
import { updateMeOp } from '@/lib/people/api';
import { meDetails, updateMe } from '@/lib/people/people';

/** The caller, with their time zone and where they are on call now (the header shows it). */
export const GET = route(meOp, async (_input, { actor }) => {
  const { id, email, name, role, via } = actor;
  return { id, email, name, role, via, ...(await meDetails(actor)) };
});

export const PATCH = route(updateMeOp, async ({ body }, { actor }) => {
  await updateMe(actor, body);
  const { id, email, role, via } = actor;
  return { id, email, name: body.name ?? actor.name, role, via, ...(await meDetails(actor)) };
});
