import { config } from '@/lib/config/current';
import { createPolicyOp, listPoliciesOp } from '@/lib/escalation/api';
import { createPolicy, listPolicies } from '@/lib/escalation/policies';
import { route } from '@/lib/http/route';

export const GET = route(listPoliciesOp, async (_input, { actor }) => ({
  policies: await listPolicies(actor),
}));

export const POST = route(createPolicyOp, async ({ body }, { actor }) =>
  createPolicy(
    actor,
    body,
    config().channels.map((c) => c.name),
  ),
);
