import { route } from '@/lib/http/route';
import { addTeamMemberOp } from '@/lib/teams/api';
import { addMember } from '@/lib/teams/teams';

export const POST = route(addTeamMemberOp, async ({ params, body }, { actor }) => {
  await addMember(actor, params.id, body);
  return { ok: true as const };
});
