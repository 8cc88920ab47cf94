import { z } from 'zod';
import { matcherSchema } from '@/lib/alertmanager/schemas';
import { ValidationError } from '@/lib/errors';
import { DurationError, MAX_DURATION_MS, MIN_DURATION_MS, parseDuration } from './duration';

/**
 * The bodies of the silence and acknowledgement API, validated in full before anything is sent to
 * Alertmanager: a bad matcher, regex, duration or time is a field error (422) and no silence exists.
 * Pure (the clock is a parameter). Safe for the browser without RE2: the matchers are checked in
 * silence-request.ts, so the operations that name these schemas do not pull re2js into every page.
 */

const comment = z.string().trim().max(2000, { error: 'at most 2000 characters' });
const idField = z.string().trim().min(1).max(200);

const MAX_MATCHERS_TEXT = 10_000;
const MAX_MATCHER_OBJECTS = 100;

/**
 * amtool text (`alertname="X", instance=~"db.*"`) or Alertmanager's list of matcher objects. A route's
 * form, a list of strings, is neither: zod would answer only "Invalid input", so the refusal says
 * which shapes are taken.
 *
 *   ['alertname="X"'] → 'give matchers as one string such as …'
 */
const silenceMatchersSchema = z.union(
  [z.string().max(MAX_MATCHERS_TEXT), z.array(matcherSchema).max(MAX_MATCHER_OBJECTS)],
  {
    // A string too long is answered by its own branch; whatever else fails both branches comes here.
    error: (issue) =>
      Array.isArray(issue.input) && issue.input.length > MAX_MATCHER_OBJECTS
        ? `at most ${MAX_MATCHER_OBJECTS} matchers`
        : 'give matchers as one string such as alertname="X", severity=~"crit.*" or as a list of objects {name, value, isRegex, isEqual}, e.g. [{"name":"alertname","value":"X","isRegex":false,"isEqual":true}]',
  },
);

export const silenceBodySchema = z.strictObject({
  matchers: silenceMatchersSchema,
  /** From the start (now, or startsAt when later), e.g. "90m", "4h", "1d", "1w". */
  duration: z.string().max(50).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  /** A later start makes a pending silence; default now. */
  startsAt: z.iso.datetime({ offset: true }).optional(),
  comment: comment.min(1, { error: 'say why (a comment is required)' }),
  incidentId: idField.optional(),
  /** Which Alertmanager cluster; needed only when several are configured. */
  cluster: idField.optional(),
});

export type SilenceBody = z.output<typeof silenceBodySchema>;

/** An update: any field left out keeps the silence's current value. */
export const silenceUpdateSchema = silenceBodySchema.partial();
export type SilenceUpdate = z.output<typeof silenceUpdateSchema>;

/** Matchers to preview (amtool text or Alertmanager's list) and the cluster whose alerts they would mute. */
export const silencePreviewBodySchema = z.strictObject({
  matchers: silenceMatchersSchema,
  cluster: z.string().max(200).optional(),
});
export type SilencePreviewBody = z.output<typeof silencePreviewBodySchema>;

export type SilenceTimes = { startsAt: Date; endsAt: Date };

/**
 * Start and end from a duration or an end time (exactly one of them), the start defaulting to now and
 * a start in the past meaning now, as Alertmanager does.
 */
export function silenceTimes(
  input: { duration?: string; endsAt?: string; startsAt?: string },
  now: Date,
  current?: SilenceTimes,
): SilenceTimes {
  const fail = (field: string, message: string): never => {
    throw new ValidationError('The silence times are not valid.', { [field]: message });
  };
  if (input.duration !== undefined && input.endsAt !== undefined)
    fail('duration', 'give a duration or an end time, not both');
  const requested = input.startsAt === undefined ? (current?.startsAt ?? now) : new Date(input.startsAt);
  const startsAt = requested < now ? now : requested;
  let endsAt: Date;
  if (input.duration !== undefined) {
    try {
      endsAt = new Date(startsAt.getTime() + parseDuration(input.duration));
    } catch (error) {
      if (error instanceof DurationError) return fail('duration', error.message);
      throw error;
    }
  } else if (input.endsAt !== undefined) endsAt = new Date(input.endsAt);
  else if (current) endsAt = current.endsAt;
  else return fail('duration', 'give a duration (e.g. 4h) or an end time');
  const span = endsAt.getTime() - startsAt.getTime();
  if (endsAt <= now) fail('endsAt', 'the end time is in the past');
  if (span < MIN_DURATION_MS) fail('endsAt', 'the silence must last at least 1 minute');
  if (span > MAX_DURATION_MS) fail('endsAt', 'the silence must end within 365 days');
  return { startsAt, endsAt };
}

export const ackBodySchema = z.strictObject({
  comment: comment.optional(),
  /** Also silence the alert in Alertmanager (default from VIGIL_CONFIG, normally true). */
  silence: z.boolean().optional(),
  /** How long the silence runs before Vigil extends it, e.g. "1h" (default from VIGIL_CONFIG). */
  duration: z.string().max(50).optional(),
  incidentId: idField.optional(),
  cluster: idField.optional(),
});
export type AckBody = z.output<typeof ackBodySchema>;

export const groupAckBodySchema = ackBodySchema.omit({ cluster: true }).extend({
  alerts: z
    .array(
      z.strictObject({
        fingerprint: z.string().regex(/^[0-9a-f]{1,64}$/i, { error: 'must be an alert fingerprint (hex)' }),
        cluster: idField.optional(),
      }),
    )
    .min(1, { error: 'name at least one alert' })
    .max(1000, { error: 'at most 1000 alerts in one request' }),
});
export type GroupAckBody = z.output<typeof groupAckBodySchema>;

/** The duration of an acknowledgement's silence in ms; `fallbackSeconds` from VIGIL_CONFIG. */
export function ackDurationMs(duration: string | undefined, fallbackSeconds: number): number {
  if (duration === undefined) return fallbackSeconds * 1000;
  try {
    return parseDuration(duration);
  } catch (error) {
    if (error instanceof DurationError)
      throw new ValidationError('The duration is not valid.', { duration: error.message });
    throw error;
  }
}
