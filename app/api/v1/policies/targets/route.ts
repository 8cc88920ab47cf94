import { config } from '@/lib/config/current';
import { policyTargetsOp } from '@/lib/escalation/api';
import { policyTargets } from '@/lib/escalation/targets';
import { route } from '@/lib/http/route';

export const GET = route(policyTargetsOp, async (_input, { actor }) =>
  policyTargets(
    actor,
    config().channels.map((c) => ({ name: c.name, type: c.type })),
  ),
);
