import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION } from '@/lib/config/load';
import { escalationView } from './escalation-view';

describe('escalationView', () => {
  it('names each target with its kind; e-mail addresses are shown, chat webhook URLs never', () => {
    const view = escalationView(
      [{ level: 2, name: 'L2 on-call SRE', delaySeconds: 300, targets: ['ops-chat', 'sre-mail', 'gone'] }],
      [
        { name: 'ops-chat', type: 'slack', url: 'https://hooks.slack.com/services/T000/B000/SECRET' },
        { name: 'sre-mail', type: 'email', to: ['sre@example.com', 'lead@example.com'] },
      ],
    );
    expect(view).toEqual([
      {
        level: 2,
        name: 'L2 on-call SRE',
        delaySeconds: 300,
        targets: [
          { name: 'ops-chat', kind: 'slack', detail: null },
          { name: 'sre-mail', kind: 'email', detail: 'sre@example.com, lead@example.com' },
          { name: 'gone', kind: 'unknown channel', detail: null },
        ],
      },
    ]);
    expect(JSON.stringify(view)).not.toContain('SECRET');
  });

  it('names the schedules whose on-call a level pages and the people it names', () => {
    const [view] = escalationView(
      [
        {
          level: 2,
          name: 'L2 on-call SRE',
          delaySeconds: 300,
          targets: [],
          schedules: ['sre-primary'],
          users: ['lead@example.com'],
        },
      ],
      [],
    );
    expect(view?.targets).toEqual([
      { name: 'sre-primary', kind: 'whoever is on call', detail: null },
      { name: 'lead@example.com', kind: 'person', detail: null },
    ]);
  });

  it('shows the built-in L1–L4 levels when none are configured', () => {
    expect(escalationView(DEFAULT_ESCALATION, []).map((l) => l.name)).toEqual([
      'L1 automatic chat message',
      'L2 on-call SRE',
      'L3 lead engineer',
      'L4 CTO',
    ]);
  });
});
