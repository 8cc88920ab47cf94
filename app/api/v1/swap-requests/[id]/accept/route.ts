import { route } from '@/lib/http/route';
import { acceptSwapOp } from '@/lib/schedules/api';
import { acceptSwap } from '@/lib/schedules/swaps';

export const POST = route(acceptSwapOp, async ({ params }, { actor }) => acceptSwap(actor, params.id));
