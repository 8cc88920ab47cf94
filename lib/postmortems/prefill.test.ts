import { describe, expect, it } from 'vitest';
import { formatDuration, formatUtc } from './format';
import { noteItem, type PrefillInput, prefillSections, severityPhrase } from './prefill';

const at = (hhmm: string) => new Date(`2026-11-21T${hhmm}:00.000Z`);

/** A resolved incident with two alerts, an ack, status changes and a note; `partial` overrides. */
function makeInput(partial: Partial<PrefillInput> = {}): PrefillInput {
  return {
    incident: {
      number: 7,
      title: 'API down',
      severity: 'critical',
      status: 'resolved',
      openedAt: at('09:02'),
      acknowledgedAt: at('09:10'),
      mitigatedAt: at('09:40'),
      resolvedAt: at('10:30'),
    },
    alerts: [
      {
        alertname: 'HighLatency',
        labels: { instance: 'api-2', severity: 'warning' },
        startsAt: at('09:05'),
        resolvedAt: null,
      },
      {
        alertname: 'APIDown',
        labels: { instance: 'api-1', severity: 'critical' },
        startsAt: at('09:00'),
        resolvedAt: at('10:20'),
      },
    ],
    events: [
      {
        type: 'alert.acknowledged',
        at: at('09:10'),
        actor: 'Ana',
        data: { fingerprint: 'f1', alertname: 'APIDown', silenceId: null, comment: null },
      },
      {
        type: 'incident.status_changed',
        at: at('09:40'),
        actor: 'Bo',
        data: { from: 'acknowledged', to: 'mitigated' },
      },
      {
        type: 'incident.status_changed',
        at: at('10:30'),
        actor: 'Ana',
        data: { from: 'mitigated', to: 'resolved' },
      },
    ],
    notes: [{ author: 'Bo', body: 'Rolled back release 1.2.3\nmore detail', createdAt: at('09:35') }],
    ...partial,
  };
}

describe('prefillSections', () => {
  it('summarises title, severity and duration', () => {
    expect(prefillSections(makeInput()).summary).toBe(
      'INC-7 "API down", a critical incident, lasted 1h 28m (2026-11-21 09:02:00 UTC to 2026-11-21 10:30:00 UTC).',
    );
  });

  it('says an open incident is not resolved yet', () => {
    const input = makeInput();
    const open = { ...input.incident, status: 'acknowledged', resolvedAt: null };
    expect(prefillSections({ ...input, incident: open }).summary).toBe(
      'INC-7 "API down", a critical incident, opened 2026-11-21 09:02:00 UTC, is acknowledged (not resolved yet).',
    );
  });

  it('lists the linked alerts as the impact, oldest first', () => {
    expect(prefillSections(makeInput()).impact).toBe(
      [
        '2 alerts were linked to this incident:',
        '',
        '- APIDown on api-1 (critical): firing 1h 20m from 2026-11-21 09:00:00 UTC',
        '- HighLatency on api-2 (warning): firing since 2026-11-21 09:05:00 UTC',
      ].join('\n'),
    );
    expect(prefillSections(makeInput({ alerts: [] })).impact).toMatch(/^No alerts were linked/);
  });

  it('names the first alert, the opening and who acknowledged when, with MTTA from the opening', () => {
    expect(prefillSections(makeInput()).detection).toBe(
      'The first alert, APIDown on api-1, fired at 2026-11-21 09:00:00 UTC. The incident opened 2m later, at 2026-11-21 09:02:00 UTC. It was acknowledged by Ana at 2026-11-21 09:10:00 UTC: time to acknowledge (MTTA, from the opening) 8m.',
    );
  });

  it('gives the same MTTA and MTTR as the incident page (incident-metrics), not counted from the first alert', () => {
    // The 7 s vs 8 m 51 s of issue 18: the alert fired 8 m 44 s before the incident opened.
    const incident = {
      ...makeInput().incident,
      openedAt: new Date('2026-11-21T09:08:44Z'),
      acknowledgedAt: new Date('2026-11-21T09:08:51Z'),
      mitigatedAt: null,
      resolvedAt: new Date('2026-11-21T09:20:00Z'),
    };
    const s = prefillSections(makeInput({ incident }));
    expect(s.detection).toContain('(MTTA, from the opening) 7s.');
    expect(s.resolution).toContain('Resolved 11m 16s after it opened (time to resolve, MTTR).');
  });

  it('takes the first alert from a fired event when it is earlier than the linked alerts', () => {
    const input = makeInput({
      events: [
        {
          type: 'alert.fired',
          at: at('08:58'),
          actor: null,
          data: { cluster: 'default', fingerprint: 'f9', alertname: 'Probe', instance: null },
        },
      ],
    });
    expect(prefillSections(input).detection).toBe(
      'The first alert, Probe, fired at 2026-11-21 08:58:00 UTC. The incident opened 4m later, at 2026-11-21 09:02:00 UTC. It was acknowledged at 2026-11-21 09:10:00 UTC: time to acknowledge (MTTA, from the opening) 8m.',
    );
  });

  it('names who acknowledged at the acknowledgement time, not who checked a step or took an ack back', () => {
    const input = makeInput({
      events: [
        {
          type: 'runbook.step_checked',
          at: at('08:50'),
          actor: 'Bo',
          data: { runbook: 'api-down', stepId: 's1', title: 'Check' },
        },
        { type: 'alert.unacknowledged', at: at('09:05'), actor: 'Bo', data: { fingerprint: 'f1' } },
        { type: 'incident.acknowledged', at: at('09:10'), actor: 'Ana', data: { reason: null } },
      ],
    });
    expect(prefillSections(input).detection).toBe(
      'The first alert, APIDown on api-1, fired at 2026-11-21 09:00:00 UTC. The incident opened 2m later, at 2026-11-21 09:02:00 UTC. It was acknowledged by Ana at 2026-11-21 09:10:00 UTC: time to acknowledge (MTTA, from the opening) 8m.',
    );
  });

  it('says when nothing fired and nobody acknowledged', () => {
    const input = makeInput({ alerts: [], events: [] });
    expect(
      prefillSections({ ...input, incident: { ...input.incident, acknowledgedAt: null } }).detection,
    ).toBe(
      'The incident was opened by hand at 2026-11-21 09:02:00 UTC; no alert fired for it. Nobody acknowledged it.',
    );
  });

  it('builds the resolution from status changes and notes', () => {
    expect(prefillSections(makeInput()).resolution).toBe(
      [
        'Mitigated 38m and resolved 1h 28m after it opened (time to resolve, MTTR).',
        '',
        'Status changes:',
        '',
        '- 2026-11-21 09:40:00 UTC: mitigated (Bo)',
        '- 2026-11-21 10:30:00 UTC: resolved (Ana)',
        '',
        'Notes from the incident:',
        '',
        '- 2026-11-21 09:35:00 UTC, Bo:',
        '',
        '  Rolled back release 1.2.3',
        '  more detail',
      ].join('\n'),
    );
  });

  it('carries a multi-line Markdown note over whole, inside its list item', () => {
    const body =
      'Rolled back **release 1.2.3**:\n\n- drained api-1\n- restarted `api`\n\n```\nkubectl rollout undo\n```';
    const notes = [
      { author: 'Bo', body, createdAt: at('09:35') },
      { author: 'Ana', body: 'Looks **stable** now', createdAt: at('09:50') },
    ];
    expect(prefillSections(makeInput({ notes })).resolution.split('Notes from the incident:\n\n')[1]).toBe(
      [
        '- 2026-11-21 09:35:00 UTC, Bo:',
        '',
        '  Rolled back **release 1.2.3**:',
        '',
        '  - drained api-1',
        '  - restarted `api`',
        '',
        '  ```',
        '  kubectl rollout undo',
        '  ```',
        '',
        '- 2026-11-21 09:50:00 UTC, Ana: Looks **stable** now',
      ].join('\n'),
    );
  });

  it('puts a one-line note that opens a block below its author, as the incident page renders it', () => {
    const item = (body: string) => noteItem({ author: 'Bo', body, createdAt: at('09:35') });
    for (const body of [
      '<div>**x**',
      '# Done',
      '> quoted',
      '- one',
      '1. one',
      '2026. A year',
      '```',
      '***',
      '<!-- x -->',
    ])
      expect(item(body)).toBe(`- 2026-11-21 09:35:00 UTC, Bo:\n\n  ${body}`);
    for (const body of ['x < y', '#hashtag', '-1 errors', '2026 was calm', '**bold** start', '<3 it works'])
      expect(item(body)).toBe(`- 2026-11-21 09:35:00 UTC, Bo: ${body}`);
  });

  it('keeps a one-line note on its item line, untruncated', () => {
    const long = 'x'.repeat(400);
    expect(noteItem({ author: 'Bo', body: `  ${long}\r\n`, createdAt: at('09:35') })).toBe(
      `- 2026-11-21 09:35:00 UTC, Bo: ${long}`,
    );
  });

  it('says "an incident" when the severity is unknown, and an/a by the severity', () => {
    expect(severityPhrase('none')).toBe('an incident');
    expect(severityPhrase('')).toBe('an incident');
    expect(severityPhrase('info')).toBe('an info incident');
    expect(severityPhrase('warning')).toBe('a warning incident');
    const input = makeInput();
    expect(prefillSections({ ...input, incident: { ...input.incident, severity: 'none' } }).summary).toMatch(
      /^INC-7 "API down", an incident, lasted/,
    );
  });

  it('falls back to the incident timestamps when no status event was recorded', () => {
    const resolution = prefillSections(makeInput({ events: [], notes: [] })).resolution;
    expect(resolution).toContain('- 2026-11-21 09:40:00 UTC: mitigated\n- 2026-11-21 10:30:00 UTC: resolved');
  });

  it('leaves the sections only people can write empty', () => {
    const s = prefillSections(makeInput());
    expect([s.rootCause, s.wentWell, s.wentBadly]).toEqual(['', '', '']);
  });
});

describe('format', () => {
  it('writes durations and UTC times', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(65_000)).toBe('1m 5s');
    expect(formatDuration(7_200_000)).toBe('2h');
    expect(formatDuration(90_000_000)).toBe('1d 1h');
    expect(formatDuration(-5)).toBe('0s');
    expect(formatUtc('2026-11-21T09:05:00.123Z')).toBe('2026-11-21 09:05:00 UTC');
  });
});
