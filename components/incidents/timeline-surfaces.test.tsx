import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleRows } from '@/lib/incidents/testing/timeline-samples';
import { timelineSentence } from '@/lib/incidents/timeline';
import { inlineText, postmortemMarkdown } from '@/lib/postmortems/markdown';
import { makePostmortem } from '@/lib/postmortems/testing/make-postmortem';
import { IncidentTimeline } from './incident-timeline';
import { PostmortemTimeline } from './postmortem-timeline';

/**
 * One event, one sentence: the incident page, the post-mortem page and the Markdown export show what
 * timelineSentence says (the incident and post-mortem APIs fill `sentence` and `text` with it).
 */

const at = '2026-11-21T09:00:00.000Z';
const rows = sampleRows().map((r, i) => ({ ...r, id: String(i + 1) }));
const html = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');

const incidentPage = renderToStaticMarkup(
  <IncidentTimeline
    entries={rows.map((r) => ({
      id: r.id,
      type: r.type,
      at,
      actor: r.actor,
      sentence: timelineSentence(r),
      data: r.data as Record<string, unknown>,
      starred: false,
    }))}
  />,
);
const lines = rows.map((r) => ({
  id: r.id,
  at,
  type: r.type,
  actor: r.actor,
  text: timelineSentence(r),
  starred: false,
  hidden: false,
}));
const postmortemPage = renderToStaticMarkup(
  <PostmortemTimeline events={lines} readOnly busy={false} onCurate={() => {}} />,
);
const markdown = postmortemMarkdown(makePostmortem({ timeline: lines }));

describe('the timeline on every surface', () => {
  it.each(rows)('$type reads the same on the incident page, the post-mortem and its export', (row) => {
    expect(incidentPage).toContain(`${html(row.sentence)}</span>`);
    expect(postmortemPage).toContain(`${html(row.sentence)}</span>`);
    expect(markdown).toContain(`- 2026-11-21 09:00:00 UTC ${inlineText(row.sentence)}\n`);
  });

  it('shows a row it cannot read the same way everywhere', () => {
    const legacy = { id: '99', type: 'alert_fired', actor: null, data: { labels: { alertname: 'X' } } };
    const sentence = timelineSentence(legacy);
    expect(sentence).toBe('Vigil: alert fired');
    const page = renderToStaticMarkup(
      <IncidentTimeline entries={[{ ...legacy, at, sentence, data: legacy.data, starred: false }]} />,
    );
    expect(page).toContain(`${sentence}</span>`);
    const exported = postmortemMarkdown(
      makePostmortem({
        timeline: [
          { id: '99', at, type: legacy.type, actor: null, text: sentence, starred: false, hidden: false },
        ],
      }),
    );
    expect(exported).toContain(`- 2026-11-21 09:00:00 UTC ${sentence}\n`);
  });
});
