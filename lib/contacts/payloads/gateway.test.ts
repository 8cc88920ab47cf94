import { describe, expect, it } from 'vitest';
import { makePage, makeTest } from './fixtures';
import { gatewayForm, smsText, spokenText } from './gateway';

describe('SMS and voice gateway payloads', () => {
  it('ends an SMS with the short acknowledge link', () => {
    expect(smsText(makePage())).toBe(
      'INC-7 [critical] API <down> & out: Error rate 12% on checkout Ack: https://vigil.example.com/a/ack-token',
    );
    expect(smsText(makeTest())).toBe(
      'Test from Vigil: This contact method works. https://vigil.example.com/people/me',
    );
  });

  it('cuts a long text, never the link, to two segments', () => {
    const sms = smsText(makePage({ text: 'x'.repeat(1000) }));
    expect(sms).toHaveLength(306);
    expect(sms.endsWith('… Ack: https://vigil.example.com/a/ack-token')).toBe(true);
  });

  it('says a page twice on a call', () => {
    expect(spokenText(makePage())).toBe(
      'Vigil page. INC-7 [critical] API <down> & out. Again: INC-7 [critical] API <down> & out.',
    );
    expect(spokenText(makeTest())).toBe('This is a test call from Vigil. Test from Vigil.');
    expect(spokenText(makePage({ kind: 'reminder' }))).toBe(
      'Vigil reminder. INC-7 [critical] API <down> & out.',
    );
  });

  it('fills a Twilio-style form template, XML-escaping for TwiML and leaving unknown placeholders', () => {
    const form = gatewayForm(
      {
        To: '{{to}}',
        From: '{{from}}',
        Twiml: '<Response><Say>{{messageXml}}</Say></Response>',
        X: '{{nope}} $&',
      },
      { to: '+32470123456', from: '+15550100', message: 'API <down> & out' },
    );
    expect(Object.fromEntries(form)).toEqual({
      To: '+32470123456',
      From: '+15550100',
      Twiml: '<Response><Say>API &lt;down&gt; &amp; out</Say></Response>',
      X: '{{nope}} $&',
    });
  });
});
