import { z } from 'zod';

/**
 * Where a history page ends: the (startsAt, fingerprint) of the last firing read, in the search's order
 * (startsAt descending, then fingerprint descending). The next page starts strictly after it, so pages
 * neither repeat nor skip a firing while new events arrive (they sort before the first page). Opaque to
 * callers: base64url of a small JSON array. Pure.
 *
 *   encodeCursor({startsAt: new Date('2026-12-01T10:00:00.000Z'), fingerprint: 'ab12'})
 *     → 'WzE3OTYxMTkyMDAwMDAsImFiMTIiXQ'
 *   decodeCursor('WzE3OTYxMTkyMDAwMDAsImFiMTIiXQ') → {startsAt: 2026-12-01T10:00:00.000Z, fingerprint: 'ab12'}
 *   decodeCursor('nonsense') → undefined
 */
export type HistoryKey = { startsAt: Date; fingerprint: string };

const cursorSchema = z.tuple([z.number().int().min(0), z.string().min(1).max(200)]);

export function encodeCursor(key: HistoryKey): string {
  return Buffer.from(JSON.stringify([key.startsAt.getTime(), key.fingerprint])).toString('base64url');
}

export function decodeCursor(cursor: string): HistoryKey | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!parsed.success) return undefined;
    const [ms, fingerprint] = parsed.data;
    return { startsAt: new Date(ms), fingerprint };
  } catch {
    return undefined;
  }
}
