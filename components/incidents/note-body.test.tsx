import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NoteBody } from './note-body';

const render = (markdown: string) => renderToStaticMarkup(<NoteBody markdown={markdown} />);

describe('NoteBody', () => {
  it('renders Markdown', () => {
    const html = render('**Disk** full on `db-1`\n\n- one\n- two');
    expect(html).toContain('<strong>Disk</strong>');
    expect(html).toContain('<code>db-1</code>');
    expect(html).toContain('<li>one</li>');
  });

  it('shows raw HTML as text: no script, no img with onerror', () => {
    const html = render('<img src=x onerror=alert(1)>\n\n<script>alert(2)</script>\n\nafter');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // The words stay visible as text; no element carries the attribute.
    expect(html).not.toMatch(/<[a-z][^>]*\sonerror=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('after');
  });

  it('shows inline HTML as text too', () => {
    const html = render('see <a href="javascript:alert(1)" onclick="x()">here</a>');
    expect(html).not.toMatch(/<a /);
    expect(html).toContain('&lt;a href=');
  });

  it('keeps http(s) and mailto links and drops javascript: and data: ones', () => {
    const html = render(
      '[dash](https://grafana.example/d/1) [mail](mailto:sre@example.com) [bad](javascript:alert(1)) [data](data:text/html,x) ![i](javascript:alert(3))',
    );
    expect(html).toContain('href="https://grafana.example/d/1"');
    expect(html).toContain('href="mailto:sre@example.com"');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/data:text/i);
  });

  it('keeps links within the console', () => {
    expect(render('[alerts](/alerts?filter=x)')).toContain('href="/alerts?filter=x"');
  });

  it('never loads a remote image: it becomes a link the reader may open', () => {
    const html = render('![latency](https://tracker.example/pixel.png?who=me)');
    expect(html).not.toMatch(/<img/i);
    expect(html).toMatch(
      /<a href="https:\/\/tracker\.example\/pixel\.png\?who=me" rel="noopener noreferrer nofollow"[^>]*>image: latency<\/a>/,
    );
  });
});
