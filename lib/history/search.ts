import 'server-only';
import { type Matcher, MatcherSyntaxError, matchesLabels, parseFilter } from '@/lib/alertmanager/matchers';
import type { PrismaClient } from '@/lib/db/client';
import { sentence, ValidationError } from '@/lib/errors';
import { yieldToEventLoop } from '@/lib/event-loop';
import { type HistoryQuery, type HistoryResponse, historyRange } from './api-schema';
import { attachContext } from './attach';
import { decodeCursor, encodeCursor, type HistoryKey } from './cursor';
import { completeRows, type EventRow, type Firing, mergeFirings } from './firings';
import { splitMatchers } from './pushdown';
import { scanEvents } from './scan';

/** Events read per database round trip. */
const SLICE_ROWS = 2000;
/** Rows matched with RE2 between two yields to the event loop. */
const MATCH_CHUNK = 500;
/**
 * Events one request reads at most. A regex that almost nothing matches would otherwise read the whole
 * year in one request; past this bound the page is returned as it is, `partial`, with a cursor to go on.
 */
export const MAX_SCANNED = 50_000;

/**
 * `GET /api/v1/history`: firings overlapping the range, newest first, matched with Alertmanager's
 * semantics (equalities in the database, the rest with RE2 here), with their acknowledgements,
 * silences and incidents. A bad matcher or cursor is a ValidationError on its field.
 */
export async function searchHistory(
  client: PrismaClient,
  query: HistoryQuery,
  now = new Date(),
  maxScanned = MAX_SCANNED,
): Promise<HistoryResponse> {
  const { from, to } = historyRange(query, now);
  const matchers = parseMatchers(query.filter);
  const pushed = splitMatchers(matchers);
  let after = query.cursor === undefined ? undefined : cursorField(query.cursor);
  const found: Firing[] = [];
  let scanned = 0;
  let exhausted = false;
  // The key of the last firing examined (matched or not): where a partial page continues.
  let lastSeen: HistoryKey | undefined;
  while (found.length <= query.limit && scanned < maxScanned) {
    // At least 3 rows, so that a slice always holds one whole firing (at most 2 events) to go on from.
    const limit = Math.max(3, Math.min(SLICE_ROWS, maxScanned - scanned));
    const slice = await scanEvents(client, { from, to, after, pushed, limit });
    const rows = completeRows(slice, limit);
    scanned += rows.length;
    const firings = mergeFirings(rows);
    for (let i = 0; i < firings.length; i += MATCH_CHUNK) {
      if (i > 0) await yieldToEventLoop();
      for (const firing of firings.slice(i, i + MATCH_CHUNK)) {
        lastSeen = firing;
        if (pushed.rest.length === 0 || matchesLabels(pushed.rest, firing.labels)) found.push(firing);
        if (found.length > query.limit) break;
      }
      if (found.length > query.limit) break;
    }
    if (slice.length < limit) {
      exhausted = true;
      break;
    }
    after = lastRowKey(rows);
  }
  const page = found.slice(0, query.limit);
  const more = found.length > query.limit;
  const nextKey = more ? page.at(-1) : exhausted ? undefined : lastSeen;
  return {
    firings: await attachContext(client, page, now),
    nextCursor: nextKey ? encodeCursor(nextKey) : null,
    partial: !more && !exhausted,
    scanned,
    range: { from: from.toISOString(), to: to.toISOString() },
  };
}

function lastRowKey(rows: readonly EventRow[]): HistoryKey | undefined {
  const last = rows.at(-1);
  return last && { startsAt: last.startsAt, fingerprint: last.fingerprint };
}

/** The filter's matchers with every regex checked by RE2 (the schema checked the syntax). */
function parseMatchers(filter: string): Matcher[] {
  try {
    return parseFilter(filter).matchers;
  } catch (error) {
    if (error instanceof MatcherSyntaxError)
      throw new ValidationError(sentence(`The filter is not valid: ${error.message}`), {
        filter: error.message,
      });
    throw error;
  }
}

function cursorField(cursor: string): HistoryKey {
  const key = decodeCursor(cursor);
  if (!key)
    throw new ValidationError('The cursor is not valid: pass the `nextCursor` of a previous page.', {
      cursor: 'not a cursor this API returned',
    });
  return key;
}
