import { route } from '@/lib/http/route';
import { declineSwapOp } from '@/lib/schedules/api';
import { declineSwap } from '@/lib/schedules/swaps';

export const POST = route(declineSwapOp, async ({ params }, { actor }) => declineSwap(actor, params.id));
