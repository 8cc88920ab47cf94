import { setUserRoleOp } from '@/lib/admin/api';
import { setUserRole } from '@/lib/admin/users';
import { route } from '@/lib/http/route';

/** `{role}`: admin only. */
export const PATCH = route(setUserRoleOp, async ({ params, body }, { actor }) => {
  await setUserRole(actor, { userId: params.id, role: body.role });
  return { updated: true as const };
});
