import type { AuditEntry } from './audit-schema';

/**
 * The audit log as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote, CR or LF, quotes doubled), UTF-8 with a byte-order mark so Excel reads non-ASCII
 * e-mails and targets correctly. Pure, apart from the stream it builds.
 */

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actor_email',
  'via',
  'action',
  'target',
  'details',
  'ip',
  'success',
] as const;

const BOM = '\uFEFF';

/**
 * One cell. Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
 * gets a leading `'` (OWASP's CSV-injection advice): an audit target is whatever someone typed.
 * `csvCell('a,b')` → `"a,b"`, `csvCell('say "hi"')` → `"say ""hi"""`, `csvCell('=1+1')` → `'=1+1`.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record with its CRLF: `csvLine(['a', 'b,c'])` → `a,"b,c"\r\n`. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The cells of one entry in AUDIT_CSV_COLUMNS order; `details` as compact JSON, absent values empty. */
export function auditCsvCells(entry: AuditEntry): string[] {
  return [
    entry.id,
    entry.at,
    entry.actorEmail ?? '',
    entry.via,
    entry.action,
    entry.target ?? '',
    JSON.stringify(entry.details ?? {}),
    entry.ip ?? '',
    String(entry.success),
  ];
}

/** The file name for an export made at `now`: `vigil-audit-2026-01-31.csv` (UTC date). */
export function auditCsvFilename(now: Date): string {
  return `vigil-audit-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * A byte stream of the whole CSV: the header, then each page as the reader asks for it (`pull`), so
 * a slow download holds back the database reads instead of buffering the log in memory. Cancelling
 * the stream (the client went away) stops the paging.
 */
export function auditCsvStream(pages: AsyncIterator<AuditEntry[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(BOM + csvLine(AUDIT_CSV_COLUMNS)));
        return;
      }
      const next = await pages.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((e) => csvLine(auditCsvCells(e))).join('')));
    },
    async cancel() {
      await pages.return?.(undefined);
    },
  });
}
