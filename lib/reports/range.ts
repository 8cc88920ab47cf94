import { ValidationError } from '@/lib/errors';
import { MAX_REPORT_DAYS } from './report-schema';
import { lastFourWeeks } from './weeks';

/**
 * The range a report covers, from its query: the four weeks up to `to` (default now) unless `from` is
 * given, in the query's zone or else the reader's. Pure.
 *
 *   reportRange({}, 'Europe/Brussels', Thu 2026-03-26 12:00Z)
 *     → {from: Mon 2026-03-02 00:00 CET, to: the Thursday, zone: 'Europe/Brussels'}
 */
export function reportRange(
  query: { from?: Date; to?: Date; zone?: string },
  readerZone: string,
  now: Date,
): { from: Date; to: Date; zone: string } {
  const zone = query.zone ?? readerZone;
  const to = query.to ?? now;
  const from = query.from ?? new Date(lastFourWeeks(to.getTime(), zone).fromMs);
  if (from >= to) throw new ValidationError('`from` must be before `to`.', { to: 'is not after from' });
  if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * 86_400_000)
    throw new ValidationError(`A report covers at most ${MAX_REPORT_DAYS} days: narrow from/to.`, {
      from: `more than ${MAX_REPORT_DAYS} days before to`,
    });
  return { from, to, zone };
}
