import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { slugParamsSchema, stepProgressBodySchema } from '@/lib/runbooks/api-schema';
import { setStepProgress } from '@/lib/runbooks/steps';
import { parseInput } from '@/lib/validation';

/**
 * Checks or unchecks a step of this runbook for an incident: `{incidentId, stepId, checked}`. The data
 * layer checks the responder role; so does the route, before any input, so a viewer gets 403 whatever
 * the input (not a 422 that describes it).
 */
export const POST = route<{ slug: string }>('/api/v1/runbooks/[slug]/steps', async (request, { params }) => {
  const actor = await requireActor('responder');
  const { slug } = parseInput(slugParamsSchema, await params);
  const body = parseInput(stepProgressBodySchema, await jsonBody(request));
  return setStepProgress(actor, { runbook: slug, ...body });
});
