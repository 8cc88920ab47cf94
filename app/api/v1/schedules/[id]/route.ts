import { route } from '@/lib/http/route';
import { deleteScheduleOp, getScheduleOp, replaceScheduleOp } from '@/lib/schedules/api';
import { getSchedule } from '@/lib/schedules/read';
import { deleteSchedule, replaceSchedule } from '@/lib/schedules/schedules';

export const GET = route(getScheduleOp, async ({ params }, { actor }) => getSchedule(actor, params.id));

export const PUT = route(replaceScheduleOp, async ({ params, body }, { actor }) =>
  replaceSchedule(actor, params.id, body),
);

export const DELETE = route(deleteScheduleOp, async ({ params }, { actor }) => {
  await deleteSchedule(actor, params.id);
  return { ok: true as const };
});
