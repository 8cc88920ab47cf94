import { describe, expect, it } from 'vitest';
import { readableMessage } from './sinks';

describe('readableMessage', () => {
  it('decodes a quoted-printable body: soft line breaks joined, =XX bytes as UTF-8', () => {
    const raw = [
      'To: ana@example.com',
      'Subject: =?UTF-8?Q?INC-3_=5Bcritical=5D?=',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'INC-3 [critical] API down =E2=80=94 escalated=',
      ' to L1 On-call',
      'Paged: Ana, on call on E2E =',
      'paging',
    ].join('\n');
    expect(readableMessage(raw)).toBe(
      [
        'To: ana@example.com',
        'Subject: =?UTF-8?Q?INC-3_=5Bcritical=5D?=',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'INC-3 [critical] API down — escalated to L1 On-call',
        'Paged: Ana, on call on E2E paging',
      ].join('\n'),
    );
  });

  it('leaves a message without that encoding as it came', () => {
    const raw = 'To: ana@example.com\nContent-Transfer-Encoding: 7bit\n\nSize=3D is literal here';
    expect(readableMessage(raw)).toBe(raw);
  });
});
