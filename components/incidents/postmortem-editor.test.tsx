import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makePostmortem } from '@/lib/postmortems/testing/make-postmortem';
import { PostmortemEditor } from './postmortem-editor';

/** The editor's first render per role and status (clicks and saving are covered by the e2e spec). */

const render = (node: ReactNode) =>
  renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);
const owners = [{ id: 'u1', label: 'Bo (bo@example.com)' }];

describe('PostmortemEditor', () => {
  it('gives a responder labelled textareas, star/hide toggles, the action items table and "Move to review"', () => {
    const html = render(<PostmortemEditor initial={makePostmortem()} userRole="responder" owners={owners} />);
    expect(html).toContain('<label for="pm-rootCause">Root cause</label>');
    expect(html).toMatch(/<textarea id="pm-rootCause"/);
    expect(html).toContain('aria-label="Unstar: Alert APIDown fired"');
    expect(html).toContain('aria-label="Show: Notification sent via email"');
    expect(html).toContain('aria-label="Action item 1 owner"');
    expect(html).toContain('<option value="u1" selected="">Bo (bo@example.com)</option>');
    expect(html).toContain('value="2026-12-01"');
    expect(html).toContain('>Move to review</button>');
    expect(html).not.toContain('>Publish</button>');
  });

  it('shows a viewer the text rendered, without controls', () => {
    const html = render(<PostmortemEditor initial={makePostmortem()} userRole="viewer" owners={[]} />);
    expect(html).not.toContain('<textarea');
    expect(html).not.toContain('Star:');
    expect(html).not.toContain('>Save</button>');
    expect(html).toContain('Bo');
  });

  it('keeps a published post-mortem read-only; only an admin gets the reopen buttons', () => {
    const published = makePostmortem({ status: 'published', publishedAt: '2026-11-22T08:00:00.000Z' });
    const responder = render(<PostmortemEditor initial={published} userRole="responder" owners={owners} />);
    expect(responder).not.toContain('<textarea');
    expect(responder).not.toContain('Reopen');
    expect(responder).toContain('an admin can reopen it');
    const admin = render(<PostmortemEditor initial={published} userRole="admin" owners={owners} />);
    expect(admin).toContain('>Reopen as draft</button>');
    expect(admin).toContain('>Reopen for review</button>');
    expect(admin).not.toContain('<textarea');
  });

  it('says an unsaved template is pre-filled', () => {
    const html = render(
      <PostmortemEditor
        initial={makePostmortem({ id: null, saved: false, author: null })}
        userRole="responder"
        owners={owners}
      />,
    );
    expect(html).toContain('Pre-filled from the incident, not saved yet.');
  });
});
