import { actOnLinkOp } from '@/lib/actions/api';
import { acknowledgeFromLink } from '@/lib/actions/perform';
import { requestActor } from '@/lib/auth';
import { requestClientAddress } from '@/lib/auth/client-address';
import { route } from '@/lib/http/route';

/**
 * The token in the path is the credential; route() logs this path with it redacted. A session, if
 * the browser has one, matters only for a link too old to act on its own.
 */
export const POST = route(actOnLinkOp, async ({ params }, { request }) =>
  acknowledgeFromLink(params.token, await requestActor(request), requestClientAddress(request.headers)),
);
