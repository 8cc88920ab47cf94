import { setUserRole } from '@/lib/admin/users';
import { jsonBody, route } from '@/lib/api/route';

/** `{role}`: admin only. */
export const PATCH = route<{ id: string }>('/api/v1/users/[id]', async (request, { params }) => {
  const body = (await jsonBody(request)) as { role?: unknown } | null;
  await setUserRole({ userId: (await params).id, role: body?.role });
  return { updated: true };
});
