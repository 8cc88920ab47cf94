import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { postmortemExport } from '@/lib/postmortems/postmortems';
import { incidentParamsSchema } from '@/lib/postmortems/schemas';
import { parseInput } from '@/lib/validation';

/** `GET /api/v1/incidents/{id}/postmortem.md`: the post-mortem as a Markdown download. */
export const GET = route<{ id: string }>(
  '/api/v1/incidents/[id]/postmortem.md',
  async (_request, { params }) => {
    const actor = await requireActor();
    const { id } = parseInput(incidentParamsSchema, await params);
    const { filename, body } = await postmortemExport(actor, id);
    return new Response(body, {
      headers: {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  },
);
