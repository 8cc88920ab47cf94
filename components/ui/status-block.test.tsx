import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/client';
import { StatusBlock } from './status-block';

type Answer = { items: string[] };
const answer: Answer = { items: ['a', 'b'] };
const list = (data: Answer) => <ul data-testid="list">{data.items.join(',')}</ul>;

describe('StatusBlock', () => {
  it('says it is loading until the first answer', () => {
    expect(renderToStaticMarkup(<StatusBlock data={undefined}>{list}</StatusBlock>)).toBe(
      '<p class="text-sm text-muted">Loading…</p>',
    );
    expect(
      renderToStaticMarkup(
        <StatusBlock data={undefined} loading="Loading alerts…">
          {list}
        </StatusBlock>,
      ),
    ).toContain('Loading alerts…');
  });

  it('shows the answer', () => {
    expect(renderToStaticMarkup(<StatusBlock data={answer}>{list}</StatusBlock>)).toBe(
      '<ul data-testid="list">a,b</ul>',
    );
  });

  it('puts an error in place of the answer in a panel, with an ApiError’s hint', () => {
    const error = new ApiError(502, 'upstream', 'Prometheus did not answer.', {}, 'Check PROMETHEUS_URL.');
    const html = renderToStaticMarkup(
      <StatusBlock data={answer} error={error}>
        {list}
      </StatusBlock>,
    );
    expect(html).toBe(
      '<p role="alert" class="text-sm text-danger">Prometheus did not answer. Check PROMETHEUS_URL.</p>',
    );
  });

  it('keeps the last answer under a banner in a list, and shows the banner alone before any answer', () => {
    const error = new Error('Vigil did not answer.');
    const kept = renderToStaticMarkup(
      <StatusBlock data={answer} error={error} errorPlacement="above">
        {list}
      </StatusBlock>,
    );
    expect(kept).toBe(
      '<p role="alert" class="rounded-md border border-danger/40 p-2 text-sm text-danger">Vigil did not answer.</p>' +
        '<ul data-testid="list">a,b</ul>',
    );
    const first = renderToStaticMarkup(
      <StatusBlock data={undefined} error={error} errorPlacement="above">
        {list}
      </StatusBlock>,
    );
    expect(first).toContain('role="alert"');
    expect(first).not.toContain('Loading');
  });

  it('says nothing of an error shown beside its control, and does not claim to be loading', () => {
    const error = new Error('the filter does not parse');
    const none = renderToStaticMarkup(
      <StatusBlock data={undefined} error={error} errorPlacement="above" errorShownElsewhere>
        {list}
      </StatusBlock>,
    );
    expect(none).toBe('');
    const kept = renderToStaticMarkup(
      <StatusBlock data={answer} error={error} errorPlacement="above" errorShownElsewhere>
        {list}
      </StatusBlock>,
    );
    expect(kept).toBe('<ul data-testid="list">a,b</ul>');
  });

  it('marks the answer busy and dims it while a newer one is fetched', () => {
    expect(
      renderToStaticMarkup(
        <StatusBlock data={answer} refreshing>
          {list}
        </StatusBlock>,
      ),
    ).toBe('<div aria-busy="true" class="opacity-60"><ul data-testid="list">a,b</ul></div>');
    expect(
      renderToStaticMarkup(
        <StatusBlock data={answer} refreshing={false}>
          {list}
        </StatusBlock>,
      ),
    ).toBe('<div aria-busy="false" class=""><ul data-testid="list">a,b</ul></div>');
  });
});
