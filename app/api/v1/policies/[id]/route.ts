import { config } from '@/lib/config/current';
import { deletePolicyOp, getPolicyOp, updatePolicyOp } from '@/lib/escalation/api';
import { deletePolicy, getPolicy, updatePolicy } from '@/lib/escalation/policies';
import { route } from '@/lib/http/route';

export const GET = route(getPolicyOp, async ({ params }, { actor }) => getPolicy(actor, params.id));

export const PATCH = route(updatePolicyOp, async ({ params, body }, { actor }) =>
  updatePolicy(
    actor,
    params.id,
    body,
    config().channels.map((c) => c.name),
  ),
);

export const DELETE = route(deletePolicyOp, async ({ params }, { actor }) => {
  await deletePolicy(actor, params.id);
  return { deleted: true as const };
});
