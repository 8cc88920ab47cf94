import { updateUserOp } from '@/lib/admin/api';
import { updateUser } from '@/lib/admin/users';
import { route } from '@/lib/http/route';

/** `{role?, disabled?}`: admin only. */
export const PATCH = route(updateUserOp, async ({ params, body }, { actor }) => {
  await updateUser(actor, { userId: params.id, ...body });
  return { updated: true as const };
});
