import { route } from '@/lib/http/route';
import { listPostmortemsOp } from '@/lib/postmortems/api';
import { listPostmortems } from '@/lib/postmortems/lists';

export const GET = route(listPostmortemsOp, async (_input, { actor }) => listPostmortems(actor));
