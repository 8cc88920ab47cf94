import { describe, expect, it } from 'vitest';
import { parseFilter } from '@/lib/alertmanager/matchers';
import type { Silence } from '@/lib/alertmanager/schemas';
import {
  endsSoon,
  filterSilences,
  type SilenceRow,
  silencedCounts,
  silenceRows,
  sortSilences,
} from './silence-list';

const now = Date.parse('2026-11-21T10:00:00Z');
const HYGIENE = { expiringSoonMs: 3_600_000, longLivedMs: 7 * 86_400_000 };
const iso = (offsetMin: number) => new Date(now + offsetMin * 60_000).toISOString();
const m = (name: string, value: string, isRegex = false, isEqual = true) => ({
  name,
  value,
  isRegex,
  isEqual,
});

function silence(id: string, partial: Partial<Silence> = {}): Silence {
  return {
    id,
    state: 'active',
    matchers: [m('alertname', 'InstanceDown')],
    startsAt: iso(-60),
    endsAt: iso(120),
    updatedAt: iso(-60),
    createdBy: 'ana@example.com',
    comment: 'maintenance',
    ...partial,
  };
}

describe('silenceRows', () => {
  const silences = [
    silence('s1', { endsAt: iso(20) }),
    silence('s2', { matchers: [m('instance', 'db-.*', true)], createdBy: 'amtool-user', comment: 'db work' }),
    silence('s3', { state: 'expired', endsAt: iso(-5) }),
  ];
  const counts = silencedCounts([{ silencedBy: ['s1'] }, { silencedBy: ['s1', 's2'] }, { silencedBy: [] }]);
  const records = [
    { id: 'r1', silenceId: 's1', previousIds: ['s0'], incident: { id: 'i1', number: 7 }, ackId: 'a1' },
    { id: 'r3', silenceId: 's9', previousIds: ['s3'], incident: null, ackId: null },
  ];
  const rows = silenceRows(silences, 'default', counts, records, now, HYGIENE);

  it('counts the alerts each silence mutes and links Vigil records, also by an earlier id', () => {
    expect(rows.map((r) => [r.id, r.silencedAlerts, r.record?.id ?? null])).toEqual([
      ['s1', 2, 'r1'],
      ['s2', 1, null],
      ['s3', 0, 'r3'],
    ]);
    expect(rows[0]?.record).toEqual({
      id: 'r1',
      incident: { id: 'i1', number: 7 },
      ackId: 'a1',
      previousIds: ['s0'],
    });
    expect(rows[1]?.matchersText).toBe('instance=~"db-.*"');
  });

  // s1 without its acknowledgement: a silence made in Vigil for something else.
  const plainRecords = records.map((r) => ({ ...r, ackId: null }));

  it('warns about an active silence that ends within the hour while its alerts fire', () => {
    const plain = silenceRows(silences, 'default', counts, plainRecords, now, HYGIENE);
    expect(plain.map((r) => r.expiringSoon)).toEqual([true, false, false]);
    const quiet = silenceRows([silence('s4', { endsAt: iso(20) })], 'default', new Map(), [], now, HYGIENE);
    expect(quiet[0]?.expiringSoon).toBe(false);
  });

  it("leaves out an acknowledgement's silence, which Vigil extends while its alert fires", () => {
    expect(rows[0]?.record?.ackId).toBe('a1');
    expect(rows[0]?.expiringSoon).toBe(false);
  });

  it('uses the configured time for "ends soon"', () => {
    // s2 ends in two hours, five hours after it began.
    const s2Older = { ...(silences[1] as Silence), startsAt: iso(-300) };
    const longer = silenceRows(
      [silences[0] as Silence, s2Older, silences[2] as Silence],
      'default',
      counts,
      plainRecords,
      now,
      {
        ...HYGIENE,
        expiringSoonMs: 3 * 3_600_000,
      },
    );
    expect(longer.map((r) => r.expiringSoon)).toEqual([true, true, false]);
  });

  it('lists active silences that mute nothing and those running longer than the configured time', () => {
    expect(rows.map((r) => [r.id, r.matchesNothing, r.longLived])).toEqual([
      ['s1', false, false],
      ['s2', false, false],
      ['s3', false, false],
    ]);
    const old = silenceRows(
      [
        silence('old', { startsAt: iso(-8 * 24 * 60), endsAt: iso(60 * 24 * 30) }),
        silence('idle', {}),
        silence('later', { state: 'pending', startsAt: iso(60) }),
      ],
      'default',
      new Map([['old', 1]]),
      [],
      now,
      HYGIENE,
    );
    expect(old.map((r) => [r.id, r.matchesNothing, r.longLived])).toEqual([
      ['old', false, true],
      ['idle', true, false],
      ['later', false, false],
    ]);
  });

  it('filters by state, creator, matcher and words', () => {
    const ids = (filter: Parameters<typeof filterSilences>[1]) =>
      filterSilences(rows, filter).map((r) => r.id);
    const none = { matchers: [], text: [] };
    expect(ids({ ...none, state: 'expired' })).toEqual(['s3']);
    expect(ids({ ...none, creator: 'AMTOOL' })).toEqual(['s2']);
    expect(ids({ ...parseFilter('instance="db-7"') })).toEqual(['s2']);
    expect(ids({ ...parseFilter('instance="web-1"') })).toEqual([]);
    expect(ids({ ...parseFilter('alertname=~"Instance.*"') })).toEqual(['s1', 's3']);
    expect(ids({ ...parseFilter('db work') })).toEqual(['s2']);
  });

  it('reads the regexes of silences made elsewhere as Alertmanager does (RE2), whatever they hold', () => {
    const amtool = silenceRows(
      [
        silence('p', { matchers: [m('instance', '[[:alpha:]]+-[0-9]+', true)] }),
        // Alertmanager accepts this from amtool: it compiles ^(?:a)|(b)$.
        silence('q', { matchers: [m('instance', 'a)|(b', true)] }),
      ],
      'default',
      new Map(),
      [],
      now,
      HYGIENE,
    );
    const ids = (filter: string) => filterSilences(amtool, parseFilter(filter)).map((r) => r.id);
    expect(ids('instance="db-7"')).toEqual(['p']);
    expect(ids('instance="a-7"')).toEqual(['p', 'q']);
    expect(ids('instance="web"')).toEqual(['q']);
    expect(ids('instance="xyz"')).toEqual([]);
  });

  it('orders active and pending by the soonest end, expired by the latest end', () => {
    const order = sortSilences([
      ...silenceRows(
        [
          silence('e1', { state: 'expired', endsAt: iso(-50) }),
          silence('a2', { endsAt: iso(90) }),
          silence('p1', { state: 'pending', startsAt: iso(60), endsAt: iso(120) }),
          silence('e2', { state: 'expired', endsAt: iso(-10) }),
          silence('a1', { endsAt: iso(30) }),
        ],
        'default',
        new Map(),
        [],
        now,
        HYGIENE,
      ),
    ] as SilenceRow[]);
    expect(order.map((r) => r.id)).toEqual(['a1', 'a2', 'p1', 'e2', 'e1']);
  });
});

describe('endsSoon', () => {
  const oneHour = 3_600_000;
  const made = (startMin: number, endMin: number) =>
    ({ state: 'active', startsAt: iso(startMin), endsAt: iso(endMin) }) as const;

  it('does not flag a silence made for less than the window until past its middle', () => {
    // The one-hour preset with the default one-hour window, made five minutes ago.
    expect(endsSoon(made(-5, 55), 3, now, oneHour)).toBe(false);
    expect(endsSoon(made(-31, 29), 3, now, oneHour)).toBe(true);
  });

  it('flags a longer silence once it ends within the window', () => {
    expect(endsSoon(made(-120, 59), 3, now, oneHour)).toBe(true);
    expect(endsSoon(made(-120, 61), 3, now, oneHour)).toBe(false);
  });

  it('flags only active silences that mute firing alerts', () => {
    expect(endsSoon(made(-120, 10), 0, now, oneHour)).toBe(false);
    expect(endsSoon({ ...made(-120, 10), state: 'pending' }, 3, now, oneHour)).toBe(false);
  });
});
