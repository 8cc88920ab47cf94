import { listUsers } from '@/lib/admin/users';
import { route } from '@/lib/api/route';

export const GET = route('/api/v1/users', async () => ({ users: await listUsers() }));
