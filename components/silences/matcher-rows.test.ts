import { describe, expect, it } from 'vitest';
import { SilenceMatcherError } from '@/lib/alertmanager/silence-matchers';
import {
  checkEditor,
  checkMatchers,
  editorFromText,
  editorIsEmpty,
  type MatcherRow,
  matchersFromRows,
  newRow,
  rowError,
  rowsFromMatchers,
  rowsFromText,
  textFromRows,
} from './matcher-rows';

const shape = (rows: MatcherRow[]) => rows.map(({ name, op, value }) => ({ name, op, value }));
const row = (name: string, op: MatcherRow['op'], value: string) => newRow({ name, op, value });

describe('matcher rows and amtool text', () => {
  it('turns text into rows with every operator and back into the same text', () => {
    const text = 'alertname="X", instance=~"db.*", job!="node", env!~"dev|test"';
    const rows = rowsFromText(text);
    expect(shape(rows)).toEqual([
      { name: 'alertname', op: '=', value: 'X' },
      { name: 'instance', op: '=~', value: 'db.*' },
      { name: 'job', op: '!=', value: 'node' },
      { name: 'env', op: '!~', value: 'dev|test' },
    ]);
    expect(textFromRows(rows)).toBe(text);
  });

  it('gives each row its own id, for React keys', () => {
    const rows = rowsFromText('a="1", b="2"');
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
  });

  it('starts with one blank row for empty text or no matchers', () => {
    expect(shape(rowsFromText(''))).toEqual([{ name: '', op: '=', value: '' }]);
    expect(shape(rowsFromMatchers([]))).toEqual([{ name: '', op: '=', value: '' }]);
  });

  it('keeps quotes and backslashes in values through the round trip', () => {
    const rows = [row('path', '=', 'say "hi"\\now'), row('instance', '=~', '10\\.0\\..*')];
    expect(textFromRows(rows)).toBe('path="say \\"hi\\"\\\\now", instance=~"10\\\\.0\\\\..*"');
    expect(shape(rowsFromText(textFromRows(rows)))).toEqual(shape(rows));
  });

  it('refuses text that is not matchers, saying why', () => {
    expect(() => rowsFromText('disk full')).toThrow(SilenceMatcherError);
    expect(() => rowsFromText('disk full')).toThrow('"disk" is not a matcher');
    expect(() => rowsFromText('severity="crit')).toThrow('unclosed quote');
  });

  it('leaves out rows nobody typed into and trims label names', () => {
    expect(matchersFromRows([row(' job ', '!~', 'a|b'), newRow()])).toEqual([
      { name: 'job', value: 'a|b', isRegex: true, isEqual: false },
    ]);
  });
});

describe('rowError', () => {
  it('accepts a good row and a blank one', () => {
    expect(rowError(row('instance', '=~', 'db-.*'))).toBeUndefined();
    expect(rowError(newRow())).toBeUndefined();
  });

  it('names a regex that does not compile, before anything is sent', () => {
    expect(rowError(row('instance', '=~', 'db['))).toMatch(/the regex of instance does not compile/);
  });

  it('names a bad label name and a missing one', () => {
    expect(rowError(row('9x', '=', 'a'))).toMatch(/"9x" is not a label name/);
    expect(rowError(row('', '=', 'a'))).toBe('name the label');
  });

  it('accepts on its own a row that needs company (the whole list is checked by checkMatchers)', () => {
    expect(rowError(row('team', '!=', 'db'))).toBeUndefined();
  });
});

describe('checkMatchers', () => {
  it('answers the canonical text of rows or text', () => {
    expect(checkMatchers([row('alertname', '=', 'Watchdog'), newRow()])).toEqual({
      ok: true,
      matchers: [{ name: 'alertname', value: 'Watchdog', isRegex: false, isEqual: true }],
      text: 'alertname="Watchdog"',
    });
    expect(checkMatchers('{alertname=Watchdog}')).toMatchObject({ ok: true, text: 'alertname="Watchdog"' });
  });

  it('refuses what Alertmanager refuses', () => {
    expect(checkMatchers([newRow()])).toEqual({
      ok: false,
      error: expect.stringContaining('add at least one matcher'),
    });
    expect(checkMatchers('job=~".*"')).toEqual({
      ok: false,
      error: expect.stringContaining('would silence every alert'),
    });
    expect(checkMatchers([row('instance', '=~', 'db[')])).toEqual({
      ok: false,
      error: expect.stringContaining('does not compile'),
    });
  });
});

describe('the editor state', () => {
  it('opens a prefill as rows when it reads as matchers, else as text', () => {
    const rows = editorFromText('alertname="X", instance="db-1"');
    expect(rows.mode).toBe('rows');
    expect(checkEditor(rows)).toMatchObject({ ok: true, text: 'alertname="X", instance="db-1"' });
    expect(editorFromText('alertname="X')).toEqual({ mode: 'text', text: 'alertname="X' });
    expect(checkEditor(editorFromText('alertname="X'))).toMatchObject({ ok: false });
  });

  it('knows an untouched editor', () => {
    expect(editorIsEmpty(editorFromText(''))).toBe(true);
    expect(editorIsEmpty({ mode: 'text', text: '  ' })).toBe(true);
    expect(editorIsEmpty(editorFromText('a="b"'))).toBe(false);
  });
});
