'use client';

import { forwardRef, useEffect, useId, useState } from 'react';
import { alertLabelsOp } from '@/lib/alerts/api';
import { useApiQuery } from '@/lib/api/query';
import { applyCompletion, type CompletionContext, completionContext } from './completion';
import { filterApplies } from './filter-check';

/** What to ask the labels API for at the cursor: label names, or the values of the label being matched. */
function labelsQuery(context: CompletionContext) {
  if (context.kind === 'name') return { prefix: context.prefix };
  if (context.kind === 'value') return { name: context.name, prefix: context.prefix };
  return {};
}

type Props = {
  value: string;
  error?: string;
  onApply: (filter: string) => void;
  onEditingChange: (editing: boolean) => void;
};

/**
 * Prometheus matchers plus free text (`severity="critical" instance=~"db.*" disk`), with autocomplete of
 * label names and values. Typing applies after a short pause; Enter applies at once.
 */
export const FilterBar = forwardRef<HTMLInputElement, Props>(function FilterBar(
  { value, error, onApply, onEditingChange },
  ref,
) {
  const [text, setText] = useState(value);
  const [cursor, setCursor] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Enter picks a suggestion only after the user moved through them; otherwise it applies the filter.
  const [navigated, setNavigated] = useState(false);
  const listId = useId();
  const context = completionContext(text, cursor);
  // Suggestions are a help, not a result: when they cannot be had, the bar simply offers none.
  const { data: labels } = useApiQuery(
    alertLabelsOp,
    { query: labelsQuery(context) },
    { enabled: open && context.kind !== 'none', staleTime: 10_000, retry: false },
  );
  const suggestions =
    context.kind === 'none' || !labels ? [] : 'names' in labels ? labels.names : labels.values;

  useEffect(() => setText(value), [value]);
  // Typing applies after a pause, but only a filter that parses: a half-typed matcher
  // (`alertname="Watch`) is not an error yet. Enter applies whatever is there and shows the error.
  // The check is asynchronous (it loads RE2 for a regex); a newer keystroke cancels it.
  useEffect(() => {
    if (text === value) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      // If RE2's chunk cannot be loaded, the filter waits for Enter (the server checks it then).
      filterApplies(text).then(
        (ok) => {
          if (ok && !cancelled) onApply(text);
        },
        () => undefined,
      );
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, value, onApply]);

  const choose = (choice: string, input: HTMLInputElement) => {
    const next = applyCompletion(text, cursor, context, choice);
    setText(next.text);
    setCursor(next.cursor);
    setActive(0);
    setNavigated(false);
    requestAnimationFrame(() => input.setSelectionRange(next.cursor, next.cursor));
  };

  const visible = open && suggestions.length > 0;
  return (
    <div className="relative flex-1">
      <label htmlFor="alert-filter" className="sr-only">
        Filter alerts
      </label>
      <input
        ref={ref}
        id="alert-filter"
        role="combobox"
        aria-expanded={visible}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? 'alert-filter-error' : undefined}
        placeholder='severity="critical" instance=~"db.*" free text   (press / to focus)'
        className="w-full rounded-md border border-border bg-surface px-2.5 py-1.5 font-mono text-sm focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger"
        value={text}
        spellCheck={false}
        autoComplete="off"
        onFocus={() => {
          setOpen(true);
          onEditingChange(true);
        }}
        onBlur={() => {
          setOpen(false);
          onEditingChange(false);
        }}
        onChange={(e) => {
          setText(e.target.value);
          setCursor(e.target.selectionStart ?? e.target.value.length);
          setOpen(true);
          setNavigated(false);
        }}
        onSelect={(e) => setCursor(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={(e) => {
          if (visible && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
            e.preventDefault();
            setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
            setNavigated(true);
          } else if (visible && e.key === 'Tab') {
            e.preventDefault();
            const s = suggestions[active];
            if (s) choose(s.value, e.currentTarget);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const s = suggestions[active];
            if (visible && navigated && s) choose(s.value, e.currentTarget);
            else {
              setOpen(false);
              onApply(text);
              // Leave the field so refreshes resume and j/k move through the new list.
              e.currentTarget.blur();
            }
          } else if (e.key === 'Escape') {
            if (visible) setOpen(false);
            else e.currentTarget.blur();
          }
        }}
      />
      {visible ? (
        <div
          id={listId}
          role="listbox"
          className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-border bg-surface text-sm shadow-lg"
        >
          {suggestions.map((s, i) => (
            <div
              key={s.value}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={`flex cursor-pointer justify-between px-2 py-1 font-mono ${i === active ? 'bg-bg' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                const input = (e.currentTarget.closest('div')?.querySelector('input') ??
                  null) as HTMLInputElement | null;
                if (input) choose(s.value, input);
              }}
            >
              <span>{s.value}</span>
              <span className="text-muted">{s.count}</span>
            </div>
          ))}
        </div>
      ) : null}
      {error ? (
        <p id="alert-filter-error" role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
});
