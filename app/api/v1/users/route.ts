import { listUsers } from '@/lib/admin/users';
import { route } from '@/lib/api/route';

export const GET = route(async () => ({ users: await listUsers() }));
