import { revokeApiToken } from '@/lib/admin/users';
import { route } from '@/lib/api/route';

export const DELETE = route<{ id: string }>(async (_request, { params }) => {
  await revokeApiToken({ tokenId: (await params).id });
  return { revoked: true };
});
