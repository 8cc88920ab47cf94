import { revokeApiToken } from '@/lib/admin/users';
import { route } from '@/lib/api/route';

export const DELETE = route<{ id: string }>('/api/v1/tokens/[id]', async (_request, { params }) => {
  await revokeApiToken({ tokenId: (await params).id });
  return { revoked: true };
});
