import { route } from '@/lib/http/route';
import { createOverrideOp, listOverridesOp } from '@/lib/schedules/api';
import { createOverride, listOverrides } from '@/lib/schedules/overrides';

export const GET = route(listOverridesOp, async ({ params, query }, { actor }) => ({
  overrides: await listOverrides(actor, params.id, query),
}));

export const POST = route(createOverrideOp, async ({ params, body }, { actor }) =>
  createOverride(actor, params.id, body),
);
