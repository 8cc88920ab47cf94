import type { MatchOperator } from '@/lib/alertmanager/filter-syntax';
import {
  formatSilenceMatchers,
  fromSilenceMatcher,
  matchersFromText,
  parseSilenceMatchers,
  type SilenceMatcher,
  SilenceMatcherError,
  toSilenceMatcher,
} from '@/lib/alertmanager/silence-matchers';

/**
 * The silence dialog's matcher editor: rows of name / operator / value, or amtool text, converted
 * both ways and checked with the same parser the server uses, so what the form accepts the API accepts.
 * Pure (row ids come from a counter, only to key React lists).
 *
 *   rowsFromText('alertname="X", instance=~"db.*"')
 *     → [{name:'alertname', op:'=', value:'X'}, {name:'instance', op:'=~', value:'db.*'}]
 *   textFromRows(those rows) → 'alertname="X", instance=~"db.*"'
 */

export type MatcherRow = { id: string; name: string; op: MatchOperator; value: string };

let nextId = 0;
export function newRow(partial: Partial<Omit<MatcherRow, 'id'>> = {}): MatcherRow {
  nextId += 1;
  return { id: `m${nextId}`, name: '', op: '=', value: '', ...partial };
}

/** A row nobody has typed into yet is left out rather than refused. */
const isBlankRow = (row: MatcherRow) => row.name.trim() === '' && row.value === '';

export function rowsFromMatchers(matchers: readonly SilenceMatcher[]): MatcherRow[] {
  const rows = matchers.map((m) => newRow(fromSilenceMatcher(m)));
  return rows.length > 0 ? rows : [newRow()];
}

/**
 * Rows from amtool text; only a syntax error or free text stops the conversion (a regex that does not
 * compile still becomes a row, which then shows its error). Empty text gives one blank row.
 *
 *   rowsFromText('disk full') → throws SilenceMatcherError('"disk" is not a matcher; …')
 */
export function rowsFromText(text: string): MatcherRow[] {
  return rowsFromMatchers(matchersFromText(text));
}

export function matchersFromRows(rows: readonly MatcherRow[]): SilenceMatcher[] {
  return rows
    .filter((r) => !isBlankRow(r))
    .map((r) => toSilenceMatcher({ name: r.name.trim(), op: r.op, value: r.value }));
}

export function textFromRows(rows: readonly MatcherRow[]): string {
  return formatSilenceMatchers(matchersFromRows(rows));
}

/** Satisfies Alertmanager's "one matcher must need a value" rule, so a row is checked on its own. */
const NEEDS_VALUE: SilenceMatcher = { name: 'alertname', value: 'x', isRegex: false, isEqual: true };

/**
 * What is wrong with one row, as the server would say it, or undefined.
 *
 *   rowError({name:'instance', op:'=~', value:'db['}) → 'the regex of instance does not compile (…): "db["'
 *   rowError({name:'9x', op:'=', value:'a'}) → '"9x" is not a label name (…)'
 */
export function rowError(row: MatcherRow): string | undefined {
  if (isBlankRow(row)) return undefined;
  if (row.name.trim() === '') return 'name the label';
  const [matcher] = matchersFromRows([row]);
  if (!matcher) return undefined;
  try {
    parseSilenceMatchers([matcher, NEEDS_VALUE]);
    return undefined;
  } catch (error) {
    if (error instanceof SilenceMatcherError) return error.message;
    throw error;
  }
}

export type MatchersCheck =
  | { ok: true; matchers: SilenceMatcher[]; text: string }
  | { ok: false; error: string };

/**
 * The editor's matchers, checked in full (`parseSilenceMatchers`, as the API does): the canonical text
 * to send, or the error to show on the field.
 *
 *   checkMatchers('job=~".*"') → {ok:false, error:'these matchers also match alerts without the label, …'}
 */
export function checkMatchers(input: string | readonly MatcherRow[]): MatchersCheck {
  try {
    if (typeof input !== 'string') {
      const problem = input.map(rowError).find(Boolean);
      if (problem) return { ok: false, error: problem };
    }
    const matchers = parseSilenceMatchers(typeof input === 'string' ? input : matchersFromRows(input));
    return { ok: true, matchers, text: formatSilenceMatchers(matchers) };
  } catch (error) {
    if (error instanceof SilenceMatcherError) return { ok: false, error: error.message };
    throw error;
  }
}

/** The editor: rows, or amtool text for pasting and for what rows cannot hold. */
export type MatcherEditorState = { mode: 'rows'; rows: MatcherRow[] } | { mode: 'text'; text: string };

/**
 * The editor for a prefill: rows when the text reads as matchers, else the text as it is (its error
 * then shows on the field).
 *
 *   editorFromText('alertname="X"') → {mode:'rows', rows:[{name:'alertname', op:'=', value:'X'}]}
 *   editorFromText('alertname="X') → {mode:'text', text:'alertname="X'}
 */
export function editorFromText(text: string): MatcherEditorState {
  try {
    return { mode: 'rows', rows: rowsFromText(text) };
  } catch (error) {
    if (error instanceof SilenceMatcherError) return { mode: 'text', text };
    throw error;
  }
}

export const checkEditor = (state: MatcherEditorState): MatchersCheck =>
  checkMatchers(state.mode === 'rows' ? state.rows : state.text);

/** Whether anything was typed (an empty editor is not an error until the user tries to save). */
export const editorIsEmpty = (state: MatcherEditorState): boolean =>
  state.mode === 'rows' ? state.rows.every(isBlankRow) : state.text.trim() === '';
