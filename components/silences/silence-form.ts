import type { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import {
  type silenceBodySchema,
  silenceTimes,
  type silenceUpdateSchema,
} from '@/lib/incidents/silence-input';
import type { SilenceRow } from '@/lib/incidents/silence-list';
import type { MatchersCheck } from './matcher-rows';
import { fromLocalInput } from './silence-time';

/**
 * The silence dialog's draft turned into the body of `POST /api/v1/silences` or `PUT …/{id}`, checked
 * with the server's own pure rules (`parseSilenceMatchers`, `silenceTimes`) so a mistake shows on its
 * field before anything is sent. Error keys are the API's field names. Pure: the clock is a parameter.
 *
 *   silenceRequest({matchers: ok 'alertname="X"', choice:'4h', comment:'deploy', …}, {now})
 *     → {create: {matchers:'alertname="X"', duration:'4h', comment:'deploy'}}
 *   silenceRequest({…, comment:'  '}, {now}) → {errors: {comment:'say why (a comment is required)'}}
 */

export const PRESETS = ['1h', '4h', '1d', '1w'] as const;
export const CUSTOM = 'custom';
export const UNTIL = 'end time';
export const UNCHANGED = 'unchanged';
export type TimeChoice = (typeof PRESETS)[number] | typeof CUSTOM | typeof UNTIL | typeof UNCHANGED;

export type SilenceDraft = {
  matchers: MatchersCheck;
  choice: TimeChoice;
  customDuration: string;
  /** The value of the end-time field, read in `zone` (an IANA name, or 'UTC'). */
  endsAtLocal: string;
  zone: string;
  comment: string;
  incidentId: string;
  cluster: string;
};

export type FieldErrors = Partial<Record<string, string>>;

/** The time fields of the body, or the field error that stops them. */
export function timeFields(
  draft: Pick<SilenceDraft, 'choice' | 'customDuration' | 'endsAtLocal' | 'zone'>,
): { duration?: string; endsAt?: string } | { error: FieldErrors } {
  if (draft.choice === UNCHANGED) return {};
  if (draft.choice === CUSTOM) return { duration: draft.customDuration.trim() };
  if (draft.choice === UNTIL) {
    const end = fromLocalInput(draft.endsAtLocal, draft.zone);
    return end ? { endsAt: end.toISOString() } : { error: { endsAt: 'pick the date and time it ends' } };
  }
  return { duration: draft.choice };
}

/** Start and end as the server will compute them, or the field error it would answer. */
export function resolveTimes(
  fields: { duration?: string; endsAt?: string },
  now: Date,
  editing?: Pick<SilenceRow, 'startsAt' | 'endsAt'>,
): { startsAt: Date; endsAt: Date } | { error: FieldErrors } {
  const current = editing
    ? { startsAt: new Date(editing.startsAt), endsAt: new Date(editing.endsAt) }
    : undefined;
  try {
    return silenceTimes(fields, now, current);
  } catch (error) {
    if (error instanceof ValidationError) return { error: error.fields };
    throw error;
  }
}

const PASSED = 'That time has passed; choose a later end';

/**
 * What is wrong with a typed end time, said while it is typed (the line under the field), and the same
 * words Save refuses it with; undefined for another choice, or a value not complete yet. The server
 * would also refuse a past end, but only after Save, and until then the "Ends …" line just vanished.
 *
 *   endTimeProblem({choice: 'end time', endsAtLocal: '2026-11-21T09:00', zone: 'UTC', …}, now 10:00Z)
 *     → 'That time has passed; choose a later end'
 *   endTimeProblem({choice: 'end time', endsAtLocal: '2026-11-21T18:30', …}, now 10:00Z) → undefined
 */
export function endTimeProblem(
  draft: Pick<SilenceDraft, 'choice' | 'customDuration' | 'endsAtLocal' | 'zone'>,
  now: Date,
  editing?: Pick<SilenceRow, 'startsAt' | 'endsAt'>,
): string | undefined {
  if (draft.choice !== UNTIL) return undefined;
  const fields = timeFields(draft);
  if ('error' in fields || fields.endsAt === undefined) return undefined;
  if (Date.parse(fields.endsAt) <= now.getTime()) return PASSED;
  const resolved = resolveTimes(fields, now, editing);
  return 'error' in resolved ? Object.values(resolved.error)[0] : undefined;
}

/** The body of a new silence (`create`) or of an edit of silence `id` (`update`), or the errors that stop it. */
type SilenceRequest =
  | { create: z.input<typeof silenceBodySchema> }
  | { id: string; update: z.input<typeof silenceUpdateSchema> }
  | { errors: FieldErrors };

export function silenceRequest(
  draft: SilenceDraft,
  { now, editing }: { now: Date; editing?: SilenceRow },
): SilenceRequest {
  const errors: FieldErrors = {};
  if (!draft.matchers.ok) errors.matchers = draft.matchers.error;
  const comment = draft.comment.trim();
  if (comment === '') errors.comment = 'say why (a comment is required)';
  const time = timeFields(draft);
  const endProblem = endTimeProblem(draft, now, editing);
  if ('error' in time) Object.assign(errors, time.error);
  else if (endProblem) errors.endsAt = endProblem;
  else {
    const resolved = resolveTimes(time, now, editing);
    if ('error' in resolved) Object.assign(errors, resolved.error);
  }
  if (!draft.matchers.ok || 'error' in time || Object.keys(errors).length > 0) return { errors };

  const incidentId = draft.incidentId.trim();
  const cluster = draft.cluster.trim();
  if (!editing)
    return {
      create: {
        matchers: draft.matchers.text,
        ...time,
        comment,
        ...(incidentId ? { incidentId } : {}),
        ...(cluster ? { cluster } : {}),
      },
    };

  // An update sends only what changed: Alertmanager issues a new id when the matchers change, so
  // resending the same matchers must not look like a change.
  const changes = {
    ...(draft.matchers.text === editing.matchersText ? {} : { matchers: draft.matchers.text }),
    ...time,
    ...(comment === editing.comment ? {} : { comment }),
    ...(incidentId && incidentId !== (editing.record?.incident?.id ?? '') ? { incidentId } : {}),
  };
  if (Object.keys(changes).length === 0)
    return { errors: { form: 'Nothing to save: change the matchers, the end or the comment.' } };
  return { id: editing.id, update: { ...changes, cluster: editing.cluster } };
}
