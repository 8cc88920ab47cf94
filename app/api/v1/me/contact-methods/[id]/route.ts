import { deleteMyContactOp, updateMyContactOp } from '@/lib/contacts/api';
import { deleteContact, updateContact } from '@/lib/contacts/contacts';
import { route } from '@/lib/http/route';

export const PATCH = route(updateMyContactOp, async ({ params, body }, { actor }) =>
  updateContact(actor, params.id, body),
);

export const DELETE = route(deleteMyContactOp, async ({ params }, { actor }) => {
  await deleteContact(actor, params.id);
  return { ok: true as const };
});
