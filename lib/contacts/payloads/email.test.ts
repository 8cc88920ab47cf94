import { describe, expect, it } from 'vitest';
import { emailContent } from './email';
import { makePage, makeTest } from './fixtures';

describe('emailContent', () => {
  it('puts both links in the text and, escaped, in the HTML', () => {
    expect(emailContent(makePage())).toEqual({
      subject: 'INC-7 [critical] API <down> & out',
      text: [
        'Error rate 12% on checkout',
        '',
        'Acknowledge: https://vigil.example.com/a/ack-token',
        'Open in Vigil: https://vigil.example.com/incidents/abc',
      ].join('\n'),
      html: [
        '<p><strong>INC-7 [critical] API &lt;down&gt; &amp; out</strong></p>',
        '<p>Error rate 12% on checkout</p>',
        '<p><a href="https://vigil.example.com/a/ack-token">Acknowledge</a> · <a href="https://vigil.example.com/incidents/abc">Open in Vigil</a></p>',
      ].join('\n'),
    });
  });

  it('escapes a quote in a link so it cannot leave the attribute', () => {
    const { html } = emailContent(makeTest({ openUrl: 'https://vigil.example.com/x?a="b"' }));
    expect(html).toContain('href="https://vigil.example.com/x?a=&quot;b&quot;"');
  });

  it('has no Acknowledge line without actions', () => {
    expect(emailContent(makeTest()).text).toBe(
      'This contact method works.\n\nOpen in Vigil: https://vigil.example.com/people/me',
    );
  });
});
