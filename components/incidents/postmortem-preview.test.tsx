import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PostmortemPreview } from './postmortem-preview';

/** What a hostile post-mortem section becomes in the browser: text, never markup that runs. */

const render = (source: string) => renderToStaticMarkup(<PostmortemPreview source={source} />);

/** An element attribute starting with `on` (onerror=, onclick=…), as opposed to the same letters in text. */
const EVENT_ATTRIBUTE = /<[a-z][^>]*\son[a-z]+=/i;

describe('PostmortemPreview', () => {
  it('renders Markdown people write', () => {
    const html = render(
      '**Root cause**: a bad deploy\n\n- rolled back\n- [graph](https://grafana.example.com/d/1)',
    );
    expect(html).toContain('<strong>Root cause</strong>');
    expect(html).toContain('<li>rolled back</li>');
    expect(html).toContain('href="https://grafana.example.com/d/1"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('renders XSS payloads inert', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<svg onload=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '![x](https://evil.example/x.png)',
      '![x](x" onerror="alert(1))',
      '<iframe src="https://evil.example"></iframe>',
      '<div style="background:url(javascript:alert(1))">x</div>',
    ];
    const html = render(payloads.join('\n\n'));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(EVENT_ATTRIBUTE);
    expect(html).not.toMatch(/<(img|svg|iframe|div style)/i);
    expect(html).not.toMatch(/href="(javascript|data):/i);
    // The raw HTML is shown as the text it is.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says when a section is empty', () => {
    expect(render('  \n')).toContain('Nothing written yet.');
  });
});
