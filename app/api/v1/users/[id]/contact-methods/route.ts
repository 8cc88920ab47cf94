import { listUserContactsOp } from '@/lib/contacts/api';
import { listContactsOf } from '@/lib/contacts/contacts';
import { route } from '@/lib/http/route';

export const GET = route(listUserContactsOp, async ({ params }, { actor }) => ({
  methods: await listContactsOf(actor, params.id),
}));
