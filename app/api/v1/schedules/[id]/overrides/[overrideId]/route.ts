import { route } from '@/lib/http/route';
import { deleteOverrideOp } from '@/lib/schedules/api';
import { deleteOverride } from '@/lib/schedules/overrides';

export const DELETE = route(deleteOverrideOp, async ({ params }, { actor }) => {
  await deleteOverride(actor, params.id, params.overrideId);
  return { ok: true as const };
});
