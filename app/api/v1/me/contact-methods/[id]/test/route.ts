import { testMyContactOp } from '@/lib/contacts/api';
import { testContact } from '@/lib/contacts/contacts';
import { route } from '@/lib/http/route';
import { admitTestSend } from '@/lib/notify/test-send-limit';

/** The test message links to /people/me on the origin the person is using now; 429 beyond the limits. */
export const POST = route(testMyContactOp, async ({ params }, { actor, request }) => {
  admitTestSend(actor.id, `contact:${params.id}`);
  return testContact(actor, params.id, new URL(request.url).origin);
});
