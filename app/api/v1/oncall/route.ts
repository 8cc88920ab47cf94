import { route } from '@/lib/http/route';
import { onCallOp } from '@/lib/schedules/api';
import { onCallEverywhere } from '@/lib/schedules/read';

export const GET = route(onCallOp, async ({ query }, { actor }) =>
  onCallEverywhere(actor, query.at ?? new Date()),
);
