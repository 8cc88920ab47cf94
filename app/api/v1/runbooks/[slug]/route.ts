import { runbookDetail } from '@/lib/alerts/runbooks';
import { route } from '@/lib/http/route';
import { getRunbookOp } from '@/lib/runbooks/api';

export const GET = route(getRunbookOp, async ({ params }, { actor }) => runbookDetail(actor, params.slug));
