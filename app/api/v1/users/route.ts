import { listUsersOp } from '@/lib/admin/api';
import { listUsers } from '@/lib/admin/users';
import { route } from '@/lib/http/route';

export const GET = route(listUsersOp, async (_input, { actor }) => ({ users: await listUsers(actor) }));
