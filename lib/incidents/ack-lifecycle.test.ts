import { describe, expect, it } from 'vitest';
import { ackDecision, ackSilence, type OpenAck } from './ack-lifecycle';

const HOUR = 3_600_000;
const now = Date.parse('2026-11-21T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const started = now - 2 * HOUR;

function ack(partial: Partial<OpenAck> = {}): OpenAck {
  return {
    id: 'a1',
    alertStartsAt: new Date(started),
    silence: { silenceId: 's1', endsAt: new Date(now + 50 * 60_000) },
    silenceMs: HOUR,
    ...partial,
  };
}

const firing = { startsAt: iso(started) };
const active = (endsAt: number) => ({ state: 'active' as const, endsAt: iso(endsAt) });
type SilenceState = Parameters<typeof ackDecision>[2];
const decide = (
  a: OpenAck,
  alert: { startsAt: string } = firing,
  silence: SilenceState = active(now + 50 * 60_000),
) => ackDecision(a, alert, silence, now, 10_000);

describe('ackDecision', () => {
  it('keeps an acknowledgement while the alert fires and the silence has time left', () => {
    expect(decide(ack())).toEqual({ kind: 'keep' });
  });

  it('closes it when the alert is gone', () => {
    expect(ackDecision(ack(), undefined, active(now + HOUR), now, 10_000)).toEqual({ kind: 'resolved' });
  });

  it('closes it when the alert resolved and fired again between two polls (a later startsAt)', () => {
    expect(decide(ack(), { startsAt: iso(now - 5000) })).toEqual({ kind: 'resolved' });
    // The same firing, written with different precision, is not a new one.
    expect(decide(ack(), { startsAt: iso(started + 300) })).toEqual({ kind: 'keep' });
  });

  it('extends the silence by its span once less than half of it is left', () => {
    expect(decide(ack(), firing, active(now + 29 * 60_000))).toEqual({
      kind: 'extend',
      endsAt: new Date(now + HOUR),
    });
    expect(decide(ack(), firing, active(now + 31 * 60_000))).toEqual({ kind: 'keep' });
  });

  it('extends a short silence at least three polls before its end', () => {
    const short = ack({ silenceMs: 60_000 });
    expect(ackDecision(short, firing, active(now + 25_000), now, 10_000)).toEqual({
      kind: 'extend',
      endsAt: new Date(now + 60_000),
    });
    expect(ackDecision(short, firing, active(now + 35_000), now, 10_000)).toEqual({ kind: 'keep' });
  });

  it('ends the acknowledgement when someone expired its silence elsewhere, or it ran out', () => {
    expect(decide(ack(), firing, { state: 'expired', endsAt: iso(now - 1000) })).toEqual({
      kind: 'silence-expired',
    });
    expect(decide(ack(), firing, active(now - 1))).toEqual({ kind: 'silence-expired' });
  });

  it('trusts its own record of the end when the snapshot does not show the silence (yet)', () => {
    expect(ackDecision(ack(), firing, undefined, now, 10_000)).toEqual({ kind: 'keep' });
    const ending = ack({ silence: { silenceId: 's1', endsAt: new Date(now + 60_000) } });
    expect(ackDecision(ending, firing, undefined, now, 10_000)).toMatchObject({ kind: 'extend' });
  });

  it('only watches for the resolution when the acknowledgement has no silence', () => {
    const plain = ack({ silence: null, silenceMs: null });
    expect(decide(plain)).toEqual({ kind: 'keep' });
    expect(ackDecision(plain, undefined, undefined, now, 10_000)).toEqual({ kind: 'resolved' });
  });
});

describe('ackSilence', () => {
  it('silences exactly the alert, by the user, naming the acknowledgement', () => {
    const startsAt = new Date(now);
    const endsAt = new Date(now + HOUR);
    expect(
      ackSilence({
        labels: { instance: 'db-1', alertname: 'InstanceDown' },
        ackId: 'a1',
        by: 'ana@example.com',
        comment: ' looking ',
        startsAt,
        endsAt,
      }),
    ).toEqual({
      matchers: [
        { name: 'alertname', value: 'InstanceDown', isRegex: false, isEqual: true },
        { name: 'instance', value: 'db-1', isRegex: false, isEqual: true },
      ],
      startsAt: '2026-11-21T10:00:00.000Z',
      endsAt: '2026-11-21T11:00:00.000Z',
      createdBy: 'ana@example.com',
      comment: 'Acknowledged in Vigil (ack a1): looking',
    });
  });

  it('leaves the comment short without a note', () => {
    const s = ackSilence({
      labels: { a: 'b' },
      ackId: 'a2',
      by: 'x',
      comment: null,
      startsAt: new Date(0),
      endsAt: new Date(1),
    });
    expect(s.comment).toBe('Acknowledged in Vigil (ack a2)');
  });
});
