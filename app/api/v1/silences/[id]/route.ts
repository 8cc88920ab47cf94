import { route } from '@/lib/http/route';
import { expireSilenceOp, updateSilenceOp } from '@/lib/incidents/silence-api';
import { expireSilenceById, updateSilence } from '@/lib/incidents/silences';

/** Edits or extends a silence; fields left out keep their values. */
export const PUT = route(updateSilenceOp, async ({ params, body }, { actor }) =>
  updateSilence(actor, params.id, body),
);

/** Expires the silence. */
export const DELETE = route(expireSilenceOp, async ({ params, query }, { actor }) =>
  expireSilenceById(actor, params.id, query.cluster),
);
