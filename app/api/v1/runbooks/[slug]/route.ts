import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { slugParamsSchema } from '@/lib/runbooks/api-schema';
import { runbookDetail } from '@/lib/runbooks/runbooks';
import { parseInput } from '@/lib/validation';

/** One runbook (viewer): metadata, steps, MDX source and the covered alerts firing now. */
export const GET = route<{ slug: string }>('/api/v1/runbooks/[slug]', async (_request, { params }) => {
  const actor = await requireActor();
  const { slug } = parseInput(slugParamsSchema, await params);
  return runbookDetail(actor, slug);
});
