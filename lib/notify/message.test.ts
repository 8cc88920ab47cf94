import { describe, expect, it } from 'vitest';
import {
  discordBody,
  emailMessage,
  escalationText,
  levelLabel,
  type NotificationPayload,
  slackBody,
  webhookBody,
} from './message';

const makePayload = (partial: Partial<NotificationPayload> = {}): NotificationPayload => ({
  incident: { id: 'clx1', number: 7, title: 'API down', severity: 'critical', status: 'open', url: null },
  level: { level: 2, name: 'On-call SRE' },
  reason: 'timer',
  comment: null,
  round: 1,
  ...partial,
});

describe('escalation messages', () => {
  it('names the incident, severity and level, without a link when the console has no public URL', () => {
    expect(escalationText(makePayload())).toBe('INC-7 [critical] API down — escalated to L2 On-call SRE');
  });

  it('adds the link and the responder’s reason when there are some', () => {
    const p = makePayload({
      incident: { ...makePayload().incident, url: 'https://vigil.example.com/incidents/clx1' },
      reason: 'manual',
      comment: 'database team needed',
    });
    expect(escalationText(p)).toBe(
      'INC-7 [critical] API down — escalated to L2 On-call SRE (database team needed); acknowledge at https://vigil.example.com/incidents/clx1',
    );
  });

  it('does not double the level prefix of the default policy’s names', () => {
    expect(levelLabel({ level: 2, name: 'L2 on-call SRE' })).toBe('L2 on-call SRE');
    expect(levelLabel({ level: 4, name: 'CTO' })).toBe('L4 CTO');
  });

  it('shapes each channel’s body as that receiver expects', () => {
    const p = makePayload();
    expect(slackBody(p)).toEqual({
      text: escalationText(p),
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escalationText(p) } }],
    });
    expect(discordBody(p)).toMatchObject({
      content: escalationText(p),
      embeds: [{ title: 'INC-7: API down', description: 'Escalated to L2 On-call SRE', color: 0xd92d20 }],
    });
    expect(webhookBody(p)).toEqual({
      incident: {
        id: 'clx1',
        number: 7,
        title: 'API down',
        severity: 'critical',
        status: 'open',
        url: null,
        level: 2,
      },
      level: { level: 2, name: 'On-call SRE' },
      reason: 'timer',
      comment: null,
      text: escalationText(p),
    });
    expect(emailMessage(p)).toEqual({
      subject: 'INC-7 [critical] API down — escalated to L2 On-call SRE',
      text: [
        'INC-7 [critical] API down — escalated to L2 On-call SRE',
        '',
        'Severity: critical',
        'Level: L2 On-call SRE (not acknowledged in time)',
      ].join('\n'),
    });
  });

  it('a page to a person says whom it pages, and as whose on-call', () => {
    const p = makePayload({ person: { name: 'Ana Lopez', schedule: 'SRE primary' } });
    expect(emailMessage(p).subject).toBe('INC-7 [critical] API down — escalated to L2 On-call SRE');
    expect(emailMessage(p).text.split('\n').at(-1)).toBe('Paged: Ana Lopez, on call on SRE primary');
    expect(emailMessage(makePayload({ person: { name: 'Bo', schedule: null } })).text).toContain(
      '\nPaged: Bo',
    );
  });

  it('a follow-up tells the person paged how the incident ended, by whom and when', () => {
    const p = makePayload({
      reason: 'followup',
      person: { name: 'Bo', schedule: null },
      notice: { status: 'acknowledged', by: 'Ana Lopez', atText: '03:12 Europe/Brussels' },
    });
    expect(escalationText(p)).toBe(
      'INC-7 [critical] API down — acknowledged by Ana Lopez at 03:12 Europe/Brussels',
    );
    expect(emailMessage(p)).toEqual({
      subject: 'INC-7 [critical] API down — acknowledged by Ana Lopez at 03:12 Europe/Brussels',
      text: 'INC-7 [critical] API down — acknowledged by Ana Lopez at 03:12 Europe/Brussels\n\nYou were paged for this incident (L2 On-call SRE); nothing more is needed from you.',
    });
    const resolved = makePayload({
      reason: 'followup',
      notice: { status: 'resolved', by: null, atText: '04:40 Europe/Brussels' },
    });
    expect(escalationText(resolved)).toBe('INC-7 [critical] API down — resolved at 04:40 Europe/Brussels');
  });

  it('a reminder tells whoever acknowledged that the alerts still fire', () => {
    const p = makePayload({
      reason: 'reminder',
      person: { name: 'Ana Lopez', schedule: null },
      notice: { status: 'acknowledged', by: 'Ana Lopez', atText: '03:12 Europe/Brussels' },
    });
    expect(emailMessage(p).subject).toBe(
      'INC-7 [critical] API down — its alerts still fire; you acknowledged it at 03:12 Europe/Brussels',
    );
    expect(emailMessage(p).text).toContain('this reminder repeats while it stays acknowledged and firing');
  });
});
