import { route } from '@/lib/http/route';
import { getPostmortemOp, savePostmortemOp } from '@/lib/postmortems/api';
import { getPostmortem, savePostmortem } from '@/lib/postmortems/postmortems';

/** The saved post-mortem, or the template pre-filled from the incident. */
export const GET = route(getPostmortemOp, async ({ params }, { actor }) => getPostmortem(actor, params.id));

/** Creates or updates; the data layer checks the status rules (and the role again). */
export const PUT = route(savePostmortemOp, async ({ params, body }, { actor }) =>
  savePostmortem(actor, params.id, body),
);
