import { route } from '@/lib/http/route';
import { scheduleShiftsOp } from '@/lib/schedules/api';
import { scheduleShifts } from '@/lib/schedules/read';

export const GET = route(scheduleShiftsOp, async ({ params, query }, { actor }) =>
  scheduleShifts(actor, params.id, query),
);
