import { route } from '@/lib/http/route';
import { requestSwapOp } from '@/lib/schedules/api';
import { requestSwap } from '@/lib/schedules/swaps';

export const POST = route(requestSwapOp, async ({ params, body }, { actor }) =>
  requestSwap(actor, params.id, body),
);
