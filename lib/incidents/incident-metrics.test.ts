import { describe, expect, it } from 'vitest';
import { averageSeconds, averages, formatSeconds, mttaSeconds, mttrSeconds } from './incident-metrics';

const opened = '2026-11-21T10:00:00.000Z';

describe('MTTA and MTTR', () => {
  it('run from openedAt to acknowledgedAt and resolvedAt, in seconds', () => {
    const incident = {
      openedAt: new Date(opened),
      acknowledgedAt: new Date('2026-11-21T10:04:30.000Z'),
      resolvedAt: '2026-11-21T11:02:00.000Z',
    };
    expect(mttaSeconds(incident)).toBe(270);
    expect(mttrSeconds(incident)).toBe(3720);
  });

  it('are null until the incident gets there', () => {
    expect(mttaSeconds({ openedAt: opened, acknowledgedAt: null })).toBeNull();
    expect(mttrSeconds({ openedAt: opened })).toBeNull();
  });

  it('never go negative when clocks disagree', () => {
    expect(mttaSeconds({ openedAt: opened, acknowledgedAt: '2026-11-21T09:59:59.000Z' })).toBe(0);
  });

  it('average only the incidents that have the value', () => {
    expect(averageSeconds([270, null, 90])).toBe(180);
    expect(averageSeconds([null, null])).toBeNull();
    expect(averageSeconds([])).toBeNull();
    expect(
      averages([
        { openedAt: opened, acknowledgedAt: '2026-11-21T10:01:00.000Z', resolvedAt: null },
        {
          openedAt: opened,
          acknowledgedAt: '2026-11-21T10:03:00.000Z',
          resolvedAt: '2026-11-21T10:30:00.000Z',
        },
        { openedAt: opened },
      ]),
    ).toEqual({ mttaSeconds: 120, mttrSeconds: 1800 });
  });
});

describe('formatSeconds', () => {
  it.each([
    [null, '—'],
    [0, '0s'],
    [45, '45s'],
    [270, '4m 30s'],
    [300, '5m'],
    [3725, '1h 2m'],
    [7200, '2h'],
    [183_600, '2d 3h'],
    [172_800, '2d'],
  ])('%s → %s', (seconds, text) => expect(formatSeconds(seconds)).toBe(text));
});
