import { route } from '@/lib/http/route';
import { postmortemMarkdownOp } from '@/lib/postmortems/api';
import { postmortemExport } from '@/lib/postmortems/postmortems';

/** The post-mortem as a Markdown download. */
export const GET = route(postmortemMarkdownOp, async ({ params }, { actor }) => {
  const { filename, body } = await postmortemExport(actor, params.id);
  return new Response(body, {
    headers: {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
