import { route } from '@/lib/http/route';
import { createScheduleOp, listSchedulesOp } from '@/lib/schedules/api';
import { listSchedules } from '@/lib/schedules/read';
import { createSchedule } from '@/lib/schedules/schedules';

export const GET = route(listSchedulesOp, async (_input, { actor }) => ({
  schedules: await listSchedules(actor),
}));

export const POST = route(createScheduleOp, async ({ body }, { actor }) => createSchedule(actor, body));
