import { createMyContactOp, listMyContactsOp } from '@/lib/contacts/api';
import { createContact, listMyContacts } from '@/lib/contacts/contacts';
import { route } from '@/lib/http/route';

export const GET = route(listMyContactsOp, async (_input, { actor }) => ({
  methods: await listMyContacts(actor),
}));

export const POST = route(createMyContactOp, async ({ body }, { actor }) => createContact(actor, body));
