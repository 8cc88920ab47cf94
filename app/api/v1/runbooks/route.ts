import { listRunbooks } from '@/lib/alerts/runbooks';
import { route } from '@/lib/http/route';
import { listRunbooksOp } from '@/lib/runbooks/api';

export const GET = route(listRunbooksOp, async ({ query }, { actor }) => listRunbooks(actor, query.q));
