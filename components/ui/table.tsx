import { Fragment, type ReactNode } from 'react';

type Column = {
  header: string;
  /** Named for screen readers only, e.g. a column of Remove buttons. */
  hidden?: boolean;
  align?: 'right';
};

/**
 * A data table: a caption that names it for screen readers, column headers scoped to their column, one
 * row per item (`renderRow` returns the `<tr>`), an optional `footer` row (totals, averages), and `empty`
 * in place of the table when there is none.
 * `columns` may hold `false` for a column shown only to some (`canAct && {header: 'Actions'}`).
 * `stackOnPhone`: below the `sm` breakpoint the table, its body and its rows are blocks and the header
 * row is for screen readers only, so each row lays its cells out as a small card (the page gives its
 * `<tr>` and `<td>`s `max-sm:` classes, and labels a cell with CSS content where it needs one) instead
 * of scrolling sideways inside its frame.
 *
 * @example <Table caption="Users" columns={[{header: 'E-mail'}]} rows={users} rowKey={(u) => u.id}
 *   empty="No users yet." renderRow={(u) => <tr><td>{u.email}</td></tr>} />
 */
export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
  renderRow,
  empty,
  emptyTestId,
  footer,
  framed = false,
  stackOnPhone = false,
  testId,
}: {
  /** Visually hidden: the card or page around the table names it for sighted users. */
  caption?: string;
  columns: readonly (Column | false)[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  renderRow: (row: T, index: number) => ReactNode;
  empty: ReactNode;
  emptyTestId?: string;
  /** The `<tr>` of a `<tfoot>`. */
  footer?: ReactNode;
  /** A bordered box of its own (a page's main list) rather than a table inside a card. */
  framed?: boolean;
  stackOnPhone?: boolean;
  testId?: string;
}) {
  if (rows.length === 0)
    return (
      <p
        className={framed ? 'rounded-md border border-border p-4 text-sm text-muted' : 'text-sm text-muted'}
        data-testid={emptyTestId}
      >
        {empty}
      </p>
    );
  const cell = framed ? 'px-3 py-2' : 'py-1 pr-3';
  return (
    // relative: a visually hidden header (sr-only, absolutely positioned) past a narrow screen's edge would
    // otherwise escape the scroll box and widen the whole page.
    <div
      className={
        framed ? 'relative overflow-x-auto rounded-md border border-border' : 'relative overflow-x-auto'
      }
    >
      <table
        className={`w-full text-left text-sm${stackOnPhone ? ' max-sm:block' : ''}`}
        data-testid={testId}
      >
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead
          className={`${framed ? 'bg-bg text-xs text-muted' : 'text-xs text-muted'}${stackOnPhone ? ' max-sm:sr-only' : ''}`}
        >
          <tr>
            {columns.map((column) =>
              column ? (
                <th
                  key={column.header}
                  scope="col"
                  className={
                    column.hidden
                      ? 'sr-only'
                      : `${cell} font-medium${column.align === 'right' ? ' text-right' : ''}`
                  }
                >
                  {column.header}
                </th>
              ) : null,
            )}
          </tr>
        </thead>
        <tbody className={stackOnPhone ? 'max-sm:block' : undefined}>
          {rows.map((row, index) => (
            <Fragment key={rowKey(row)}>{renderRow(row, index)}</Fragment>
          ))}
        </tbody>
        {footer ? <tfoot className="border-t border-border text-xs">{footer}</tfoot> : null}
      </table>
    </div>
  );
}
