import { testMyContactOp } from '@/lib/contacts/api';
import { testContact } from '@/lib/contacts/contacts';
import { route } from '@/lib/http/route';

/** The test message links to /people/me on the origin the person is using now. */
export const POST = route(testMyContactOp, async ({ params }, { actor, request }) =>
  testContact(actor, params.id, new URL(request.url).origin),
);
