import { route } from '@/lib/http/route';
import { previewSilenceOp } from '@/lib/incidents/silence-api';
import { previewSilenceMatchers } from '@/lib/incidents/silences';

/** The alerts these matchers would silence now. */
export const POST = route(previewSilenceOp, async ({ body }, { actor }) =>
  previewSilenceMatchers(actor, body),
);
