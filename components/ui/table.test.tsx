import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Table } from './table';

type Row = { id: string; name: string };
const rows: Row[] = [
  { id: 'a', name: 'alpha' },
  { id: 'b', name: 'beta' },
];

const render = (props: Partial<Parameters<typeof Table<Row>>[0]> = {}) =>
  renderToStaticMarkup(
    <Table<Row>
      caption="Things"
      columns={[{ header: 'Name' }, { header: 'Remove', hidden: true }]}
      rows={rows}
      rowKey={(r) => r.id}
      empty="Nothing yet."
      renderRow={(r, i) => (
        <tr data-testid="thing">
          <td>
            {i + 1}. {r.name}
          </td>
          <td />
        </tr>
      )}
      {...props}
    />,
  );

describe('Table', () => {
  it('names the table with a caption and scopes its headers to their columns', () => {
    const html = render();
    expect(html).toContain('<caption class="sr-only">Things</caption>');
    expect(html).toMatch(/<th scope="col" class="[^"]*font-medium[^"]*">Name<\/th>/);
    // A header kept for screen readers only, e.g. over a column of buttons.
    expect(html).toContain('<th scope="col" class="sr-only">Remove</th>');
  });

  it('renders one row per item, in order, with the index', () => {
    const html = render();
    expect(html.match(/data-testid="thing"/g)).toHaveLength(2);
    expect(html.indexOf('1. alpha')).toBeLessThan(html.indexOf('2. beta'));
  });

  it('leaves out a column given as false (shown only to some)', () => {
    const canAct = false;
    const html = render({ columns: [{ header: 'Name' }, canAct && { header: 'Actions', align: 'right' }] });
    expect(html).not.toContain('Actions');
    const withActions = render({ columns: [{ header: 'Name' }, { header: 'Actions', align: 'right' }] });
    expect(withActions).toMatch(/<th scope="col" class="[^"]*text-right[^"]*">Actions<\/th>/);
  });

  it('stacks its rows on a phone when asked, the headers left to screen readers', () => {
    expect(render()).not.toContain('max-sm:');
    const html = render({ stackOnPhone: true });
    expect(html).toMatch(/<table class="[^"]*max-sm:block[^"]*"/);
    expect(html).toMatch(/<thead class="[^"]*max-sm:sr-only[^"]*">/);
    expect(html).toContain('<tbody class="max-sm:block">');
  });

  it('shows the empty state instead of the table when there are no rows', () => {
    const html = render({ rows: [], emptyTestId: 'things-empty' });
    expect(html).not.toContain('<table');
    expect(html).toBe('<p class="text-sm text-muted" data-testid="things-empty">Nothing yet.</p>');
  });

  it('frames a page-level table and its empty state in a border', () => {
    expect(render({ framed: true })).toMatch(
      /^<div class="relative overflow-x-auto rounded-md border border-border">/,
    );
    expect(render({ framed: true, rows: [] })).toContain('class="rounded-md border border-border p-4');
  });

  it('puts a footer row (averages, totals) in a tfoot, and a test id on the table', () => {
    const html = render({
      testId: 'things',
      footer: (
        <tr>
          <th scope="row">Total</th>
          <td>2</td>
        </tr>
      ),
    });
    expect(html).toContain('<table class="w-full text-left text-sm" data-testid="things">');
    expect(html).toMatch(
      /<\/tbody><tfoot[^>]*><tr><th scope="row">Total<\/th><td>2<\/td><\/tr><\/tfoot><\/table>/,
    );
    expect(render()).not.toContain('<tfoot');
  });

  it('has no caption when none is given', () => {
    expect(render({ caption: undefined })).not.toContain('<caption');
  });
});
