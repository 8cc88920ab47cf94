import { route } from '@/lib/http/route';
import { createSilenceOp, listSilencesOp } from '@/lib/incidents/silence-api';
import { createSilence, listSilences } from '@/lib/incidents/silences';

/** Every silence Alertmanager holds, filtered by state, matchers and words, creator and cluster. */
export const GET = route(listSilencesOp, async ({ query }, { actor }) => listSilences(actor, query));

/** Creates a silence: `matchers` as amtool text or Alertmanager's list, `duration` or `endsAt`. */
export const POST = route(createSilenceOp, async ({ body }, { actor }) => createSilence(actor, body));
