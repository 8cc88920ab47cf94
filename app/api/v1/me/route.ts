import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';

export const GET = route('/api/v1/me', async () => {
  const { id, email, name, role, via } = await requireActor();
  return { id, email, name, role, via };
});
