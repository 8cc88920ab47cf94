import {
  parseSilenceMatchers,
  type SilenceMatcher,
  SilenceMatcherError,
} from '@/lib/alertmanager/silence-matchers';
import { ValidationError } from '@/lib/errors';
import { type SilenceBody, type SilenceTimes, silenceTimes } from './silence-input';

/**
 * A silence body's matchers checked as Alertmanager checks them (RE2 for regexes), apart from
 * silence-input.ts so that the browser-safe schemas there do not bring re2js along. Pure.
 */

export type SilenceRequest = SilenceTimes & {
  matchers: SilenceMatcher[];
  comment: string;
  incidentId?: string;
  cluster?: string;
};

/**
 * A create body (as silenceBodySchema parsed it), checked further: matchers parsed (ValidationError on
 * `matchers`), times resolved (on `duration`, `endsAt` or `startsAt`).
 *
 *   silenceRequestOf({matchers:'alertname="X"', duration:'2h', comment:'deploy'}, now)
 *     → {matchers:[{name:'alertname', value:'X', isRegex:false, isEqual:true}], startsAt: now, endsAt: now+2h, comment:'deploy'}
 */
export function silenceRequestOf(body: SilenceBody, now: Date): SilenceRequest {
  const { matchers, duration, endsAt, startsAt, ...rest } = body;
  return {
    ...rest,
    matchers: parseMatchersField(matchers),
    ...silenceTimes({ duration, endsAt, startsAt }, now),
  };
}

export function parseMatchersField(matchers: string | SilenceMatcher[]): SilenceMatcher[] {
  try {
    return parseSilenceMatchers(matchers);
  } catch (error) {
    if (error instanceof SilenceMatcherError)
      throw new ValidationError('The matchers are not valid.', { matchers: error.message });
    throw error;
  }
}
