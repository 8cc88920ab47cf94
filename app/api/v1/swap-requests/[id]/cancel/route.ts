import { route } from '@/lib/http/route';
import { cancelSwapOp } from '@/lib/schedules/api';
import { cancelSwap } from '@/lib/schedules/swaps';

export const POST = route(cancelSwapOp, async ({ params }, { actor }) => cancelSwap(actor, params.id));
