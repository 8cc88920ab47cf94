import { issueActionLinksOp } from '@/lib/actions/api';
import { issueLinksFor } from '@/lib/actions/issue';
import { route } from '@/lib/http/route';

export const POST = route(issueActionLinksOp, async ({ params, body }, { actor, request }) =>
  issueLinksFor(actor, params.id, body.userId, new URL(request.url).origin),
);
