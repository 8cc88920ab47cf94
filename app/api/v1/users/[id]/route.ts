import { setUserRole } from '@/lib/admin/users';
import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';

/** `{role}`: admin only. */
export const PATCH = route<{ id: string }>('/api/v1/users/[id]', async (request, { params }) => {
  // Before reading the body: a caller without the role learns nothing about the route's input.
  await requireActor('admin');
  const body = (await jsonBody(request)) as { role?: unknown } | null;
  await setUserRole({ userId: (await params).id, role: body?.role });
  return { updated: true };
});
