import { route } from '@/lib/http/route';
import { setStepProgress } from '@/lib/incidents/runbook-steps';
import { checkRunbookStepOp } from '@/lib/runbooks/api';

export const POST = route(checkRunbookStepOp, async ({ params, body }, { actor }) =>
  setStepProgress(actor, { runbook: params.slug, ...body }),
);
