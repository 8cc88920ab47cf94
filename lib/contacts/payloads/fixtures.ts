import type { PageMessage } from '../message';

/** A page with buttons, as paging will send it; tests override what they look at. */
export const makePage = (over: Partial<PageMessage> = {}): PageMessage => ({
  kind: 'page',
  title: 'API <down> & out',
  text: 'Error rate 12% on checkout',
  severity: 'critical',
  incidentRef: 'INC-7',
  openUrl: 'https://vigil.example.com/incidents/abc',
  actions: {
    acknowledgeUrl: 'https://vigil.example.com/a/ack-token',
    token: 'tok-1',
    silenceToken: 'tok-silence',
    escalateToken: 'tok-escalate',
  },
  ...over,
});

export const makeTest = (over: Partial<PageMessage> = {}): PageMessage => ({
  kind: 'test',
  title: 'Test from Vigil',
  text: 'This contact method works.',
  openUrl: 'https://vigil.example.com/people/me',
  ...over,
});
