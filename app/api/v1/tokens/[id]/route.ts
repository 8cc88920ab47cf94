import { revokeTokenOp } from '@/lib/admin/api';
import { revokeApiToken } from '@/lib/admin/users';
import { route } from '@/lib/http/route';

export const DELETE = route(revokeTokenOp, async ({ params }, { actor }) => {
  await revokeApiToken(actor, params.id);
  return { revoked: true as const };
});
