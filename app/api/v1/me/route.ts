import { meOp } from '@/lib/admin/api';
import { route } from '@/lib/http/route';

export const GET = route(meOp, async (_input, { actor: { id, email, name, role, via } }) => ({
  id,
  email,
  name,
  role,
  via,
}));
