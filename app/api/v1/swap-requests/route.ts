import { route } from '@/lib/http/route';
import { listSwapsOp } from '@/lib/schedules/api';
import { mySwapRequests } from '@/lib/schedules/swaps';

export const GET = route(listSwapsOp, async (_input, { actor }) => mySwapRequests(actor));
