import { describe, expect, it } from 'vitest';
import { headline, type PageMessage, pageMessageSchema, plainText } from './message';

const page: PageMessage = {
  kind: 'page',
  title: 'API down',
  text: 'Error rate 12% on checkout',
  severity: 'critical',
  incidentRef: 'INC-7',
  openUrl: 'https://vigil.example.com/incidents/abc',
};

describe('PageMessage', () => {
  it('heads with the incident, its severity and its title', () => {
    expect(headline(page)).toBe('INC-7 [critical] API down');
    expect(headline({ ...page, incidentRef: undefined, severity: undefined })).toBe('API down');
  });

  it('joins headline and text for plain channels, without a dangling colon when there is no text', () => {
    expect(plainText(page)).toBe('INC-7 [critical] API down: Error rate 12% on checkout');
    expect(plainText({ ...page, text: '' })).toBe('INC-7 [critical] API down');
  });

  it('refuses a relative open URL (a phone cannot open one)', () => {
    expect(pageMessageSchema.safeParse({ ...page, openUrl: '/incidents/abc' }).success).toBe(false);
  });
});
