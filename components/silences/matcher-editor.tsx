'use client';

import { type RefObject, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { MATCH_OPERATORS } from '@/lib/alertmanager/filter-syntax';
import {
  type MatcherEditorState,
  type MatcherRow,
  newRow,
  rowError,
  rowsFromText,
  textFromRows,
} from './matcher-rows';

const CONTROL =
  'rounded-md border border-border bg-surface px-2 py-1.5 font-mono text-sm focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger';

/** Label names nearly every rule set has; any other name can be typed. */
const COMMON_LABELS = ['alertname', 'instance', 'job', 'severity', 'service', 'namespace', 'cluster'];

/**
 * The matchers of a silence: rows of name / operator / value, or amtool text (to paste, or to review
 * the whole). Switching keeps what was typed; text that does not read as matchers stays text until it
 * is fixed. Row errors come from `rowError` (the server's checks), the editor's from its parent.
 */
export function MatcherEditor({
  id,
  state,
  error,
  showRowErrors,
  onChange,
}: {
  id: string;
  state: MatcherEditorState;
  /** The whole list's problem (client check or the server's 422 on `matchers`). */
  error?: string;
  /** Row errors are shown once typing pauses, not at every key. */
  showRowErrors: boolean;
  onChange: (state: MatcherEditorState) => void;
}) {
  const [switchError, setSwitchError] = useState<string | null>(null);
  const errorId = `${id}-error`;
  const fieldset = useRef<HTMLFieldSetElement>(null);
  // After a row is added or removed, focus the label of the row at this index (buttons that vanish
  // would otherwise drop keyboard focus to the page).
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    const names = fieldset.current?.querySelectorAll<HTMLInputElement>('input[data-part="name"]');
    if (names && names.length > 0) names[Math.min(focusRow.current, names.length - 1)]?.focus();
    focusRow.current = null;
  });

  const toggle = () => {
    if (state.mode === 'rows') {
      setSwitchError(null);
      onChange({ mode: 'text', text: textFromRows(state.rows) });
      return;
    }
    try {
      onChange({ mode: 'rows', rows: rowsFromText(state.text) });
      setSwitchError(null);
    } catch (e) {
      setSwitchError(`Fix the text before switching to rows: ${(e as Error).message}`);
    }
  };

  return (
    <fieldset ref={fieldset} className="flex flex-col gap-2" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium">Matchers</legend>
      {state.mode === 'text' ? (
        <>
          <label htmlFor={`${id}-text`} className="sr-only">
            Matchers as text
          </label>
          <textarea
            id={`${id}-text`}
            rows={3}
            spellCheck={false}
            value={state.text}
            aria-invalid={Boolean(error)}
            aria-describedby={`${id}-text-help${error ? ` ${errorId}` : ''}`}
            placeholder={'alertname="InstanceDown", instance=~"db-.*"'}
            className={`${CONTROL} w-full`}
            onChange={(e) => onChange({ mode: 'text', text: e.target.value })}
          />
          <p id={`${id}-text-help`} className="text-xs text-muted">
            As amtool writes them: <code>name="value"</code>, <code>name!="value"</code>,{' '}
            <code>name=~"regex"</code>, <code>name!~"regex"</code>, separated by commas.
          </p>
        </>
      ) : (
        <Rows
          id={id}
          rows={state.rows}
          showErrors={showRowErrors}
          listInvalid={Boolean(error)}
          focusRow={focusRow}
          onChange={(rows) => onChange({ mode: 'rows', rows })}
        />
      )}
      <div className="flex items-center justify-between gap-2">
        {state.mode === 'rows' ? (
          <Button
            variant="secondary"
            onClick={() => onChange({ mode: 'rows', rows: [...state.rows, newRow()] })}
          >
            Add matcher
          </Button>
        ) : (
          <span />
        )}
        {/* One name, pressed or not: a toggle whose name also flips would say the state twice. */}
        <Button variant="ghost" className="text-xs" aria-pressed={state.mode === 'text'} onClick={toggle}>
          Edit as text
        </Button>
      </div>
      {switchError ? (
        <p role="alert" className="text-sm text-danger">
          {switchError}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <datalist id={`${id}-labels`}>
        {COMMON_LABELS.map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
    </fieldset>
  );
}

function Rows({
  id,
  rows,
  showErrors,
  listInvalid,
  focusRow,
  onChange,
}: {
  id: string;
  rows: MatcherRow[];
  showErrors: boolean;
  /** The list as a whole is refused (e.g. no matcher at all): every row is marked. */
  listInvalid: boolean;
  focusRow: RefObject<number | null>;
  onChange: (rows: MatcherRow[]) => void;
}) {
  const update = (rowId: string, patch: Partial<MatcherRow>) =>
    onChange(rows.map((r) => (r.id === rowId ? { ...r, ...patch } : r)));
  const remove = (rowId: string, index: number) => {
    const rest = rows.filter((r) => r.id !== rowId);
    focusRow.current = index;
    onChange(rest.length > 0 ? rest : [newRow()]);
  };
  return (
    <ul className="flex flex-col gap-2">
      {rows.map((row, i) => {
        const n = i + 1;
        const problem = showErrors ? rowError(row) : undefined;
        const problemId = `${id}-${row.id}-error`;
        const invalid = Boolean(problem) || listInvalid;
        const describedBy = problem ? problemId : listInvalid ? `${id}-error` : undefined;
        return (
          <li key={row.id} className="flex flex-col gap-1">
            <div className="grid grid-cols-[minmax(0,1fr)_4.5rem_minmax(0,1fr)_auto] items-center gap-1">
              <input
                aria-label={`Matcher ${n} label`}
                list={`${id}-labels`}
                value={row.name}
                placeholder="label"
                spellCheck={false}
                autoComplete="off"
                aria-invalid={invalid}
                aria-describedby={describedBy}
                className={CONTROL}
                onChange={(e) => update(row.id, { name: e.target.value })}
              />
              <select
                aria-label={`Matcher ${n} operator`}
                value={row.op}
                className={CONTROL}
                onChange={(e) => update(row.id, { op: e.target.value as MatcherRow['op'] })}
              >
                {MATCH_OPERATORS.map((op) => (
                  <option key={op} value={op}>
                    {op}
                  </option>
                ))}
              </select>
              <input
                aria-label={`Matcher ${n} value`}
                value={row.value}
                placeholder={row.op.endsWith('~') ? 'regex' : 'value'}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={invalid}
                aria-describedby={describedBy}
                className={CONTROL}
                onChange={(e) => update(row.id, { value: e.target.value })}
              />
              <Button variant="ghost" aria-label={`Remove matcher ${n}`} onClick={() => remove(row.id, i)}>
                ×
              </Button>
            </div>
            {problem ? (
              <p id={problemId} className="text-sm text-danger">
                {problem}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
