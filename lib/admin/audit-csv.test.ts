import { describe, expect, it } from 'vitest';
import {
  AUDIT_CSV_COLUMNS,
  auditCsvCells,
  auditCsvFilename,
  auditCsvStream,
  csvCell,
  csvLine,
} from './audit-csv';
import type { AuditEntry } from './audit-schema';

const makeEntry = (partial: Partial<AuditEntry> = {}): AuditEntry => ({
  id: '1',
  at: '2026-01-31T09:00:00.000Z',
  actorEmail: 'admin@example.com',
  via: 'session',
  action: 'user.role_changed',
  target: 'bob@example.com',
  details: { from: 'viewer', to: 'admin' },
  ip: '203.0.113.7',
  success: true,
  ...partial,
});

/** A strict RFC 4180 reader, to check that what we write reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && cell === '') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unclosed quote');
        if (text.startsWith('""', i)) {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          cell += text[i];
          i++;
        }
      }
      if (!(text[i] === ',' || text.startsWith('\r\n', i))) throw new Error(`text after a quote at ${i}`);
    } else if (c === ',') {
      record.push(cell);
      cell = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i += 2;
    } else if (c === '\r' || c === '\n' || c === '"') {
      throw new Error(`bare ${JSON.stringify(c)} in an unquoted cell at ${i}`);
    } else {
      cell += c;
      i++;
    }
  }
  if (cell || record.length) throw new Error('the last record has no CRLF');
  return records;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function* pagesOf(...pages: AuditEntry[][]) {
  yield* pages;
}

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('admin@example.com')).toBe('admin@example.com');
    expect(csvCell('')).toBe('');
    expect(csvCell('Zoë')).toBe('Zoë');
  });

  it('quotes commas, quotes, CR and LF, doubling quotes (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    );
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    // Only the first character matters: these are data.
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('user.role_changed')).toBe('user.role_changed');
  });
});

describe('csvLine', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });

  it('reads back to the same cells, apart from the formula guard', () => {
    const cells = ['plain', 'a,b', 'q"uote', 'multi\nline', 'cr\r\nlf', '', '=1+1', 'Zoë 日本'];
    expect(parseCsv(csvLine(cells))).toEqual([
      ['plain', 'a,b', 'q"uote', 'multi\nline', 'cr\r\nlf', '', "'=1+1", 'Zoë 日本'],
    ]);
  });
});

describe('auditCsvCells', () => {
  it('gives the columns in order, details as compact JSON and absent values empty', () => {
    expect(auditCsvCells(makeEntry())).toEqual([
      '1',
      '2026-01-31T09:00:00.000Z',
      'admin@example.com',
      'session',
      'user.role_changed',
      'bob@example.com',
      '{"from":"viewer","to":"admin"}',
      '203.0.113.7',
      'true',
    ]);
    const system = auditCsvCells(
      makeEntry({ actorEmail: null, via: 'system', target: null, details: {}, ip: null, success: false }),
    );
    expect(system).toEqual([
      '1',
      '2026-01-31T09:00:00.000Z',
      '',
      'system',
      'user.role_changed',
      '',
      '{}',
      '',
      'false',
    ]);
    expect(auditCsvCells(makeEntry()).length).toBe(AUDIT_CSV_COLUMNS.length);
  });
});

describe('auditCsvFilename', () => {
  it('names the file by the UTC date', () => {
    expect(auditCsvFilename(new Date('2026-01-31T23:30:00-05:00'))).toBe('vigil-audit-2026-02-01.csv');
  });
});

describe('auditCsvStream', () => {
  it('writes a UTF-8 BOM, the header and every page in order', async () => {
    const hostile = makeEntry({
      id: '3',
      target: '=cmd|" /C calc"!A0',
      details: { name: 'a,b "c"\nd' },
    });
    const bytes = await readAll(
      auditCsvStream(pagesOf([hostile, makeEntry({ id: '2', target: 'Zoë' })], [makeEntry({ id: '1' })])),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const records = parseCsv(text.slice(1));
    expect(records[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(records.slice(1).map((r) => r[0])).toEqual(['3', '2', '1']);
    expect(records[1]?.[5]).toBe('\'=cmd|" /C calc"!A0');
    expect(JSON.parse(records[1]?.[6] ?? '')).toEqual({ name: 'a,b "c"\nd' });
    expect(records[2]?.[5]).toBe('Zoë');
  });

  it('writes the header alone for an empty log', async () => {
    const text = new TextDecoder().decode(await readAll(auditCsvStream(pagesOf())));
    expect(text).toBe(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
  });

  it('reads a page only when the reader asks, and stops paging when cancelled', async () => {
    let requested = 0;
    let finished = false;
    async function* pages() {
      try {
        for (let i = 0; i < 1_000; i++) {
          requested++;
          yield [makeEntry({ id: String(i) })];
        }
      } finally {
        finished = true;
      }
    }
    const reader = auditCsvStream(pages()).getReader();
    await reader.read(); // the header
    await reader.read(); // page 1
    await reader.read(); // page 2
    // The stream may pull once ahead to fill its queue (highWaterMark 1), never more.
    expect(requested).toBeGreaterThanOrEqual(2);
    expect(requested).toBeLessThanOrEqual(3);
    await reader.cancel();
    expect(finished).toBe(true);
    expect(requested).toBeLessThanOrEqual(3);
  });

  it('fails the download when a page cannot be read', async () => {
    async function* broken() {
      yield [makeEntry()];
      throw new Error('connection terminated');
    }
    await expect(readAll(auditCsvStream(broken()))).rejects.toThrow('connection terminated');
  });
});
