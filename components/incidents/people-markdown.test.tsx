import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PeopleMarkdown, safeUrl } from './people-markdown';

describe('PeopleMarkdown', () => {
  const render = (source: string, relativeLinks = false) =>
    renderToStaticMarkup(<PeopleMarkdown source={source} className="x" relativeLinks={relativeLinks} />);

  it('shows an image as a link to it, never as an <img> that would load it', () => {
    const html = render('see ![p99 latency](https://grafana.example/render/1.png) here');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain(
      '<a href="https://grafana.example/render/1.png" rel="noopener noreferrer nofollow" target="_blank" class="text-accent underline">image: p99 latency</a>',
    );
  });

  it('shows an image with an unsafe address or no alt text as text only', () => {
    const html = render('![](javascript:alert(1)) ![x](data:image/png;base64,AAAA)');
    expect(html).not.toMatch(/<img|href=/i);
    expect(html).toContain('<span>image: untitled</span>');
    expect(html).toContain('<span>image: x</span>');
  });

  it('keeps relative links only where asked', () => {
    expect(render('[a](/alerts)')).not.toContain('href=');
    expect(render('[a](/alerts)', true)).toContain('href="/alerts"');
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://grafana.example/d/abc', 'https://grafana.example/d/abc'],
    ['http://x.example', 'http://x.example'],
    ['https://a.example', 'https://a.example'],
    ['mailto:sre@example.com', 'mailto:sre@example.com'],
    ['mailto:oncall@example.com', 'mailto:oncall@example.com'],
    ['javascript:alert(1)', ''],
    [' javascript:alert(1)', ''],
    ['JaVaScRiPt:alert(1)', ''],
    ['data:text/html,<b>x</b>', ''],
    ['irc://irc.example/x', ''],
    ['vbscript:x', ''],
    ['/relative', ''],
  ])('%s → %s', (url, out) => expect(safeUrl(url)).toBe(out));

  it.each([
    ['/alerts?filter=x', '/alerts?filter=x'],
    ['https://grafana.example/d/abc', 'https://grafana.example/d/abc'],
    ['javascript:alert(1)', ''],
  ])('with relative links, %s → %s', (url, out) => expect(safeUrl(url, { relativeLinks: true })).toBe(out));
});
