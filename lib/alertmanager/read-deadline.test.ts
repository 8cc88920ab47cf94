import { describe, expect, it } from 'vitest';
import { nextHistory, readDeadlineCapMs, readDeadlineMs, timeoutHint } from './read-deadline';

describe('readDeadlineMs', () => {
  it('is the configured timeout before any read and while reads are fast', () => {
    expect(readDeadlineMs(5_000, {})).toBe(5_000);
    expect(readDeadlineMs(5_000, { lastOkMs: 300 })).toBe(5_000);
  });

  it('gives a slow peer three times its last successful read', () => {
    // Alertmanager took 4 s for 10,000 alerts: the next read may take 12 s although the timeout is 5 s.
    expect(readDeadlineMs(5_000, { lastOkMs: 4_000 })).toBe(12_000);
  });

  it('doubles a deadline that ran out, so a list that outgrew it arrives within a few polls', () => {
    let history = nextHistory({}, { ok: false, timedOut: true, deadlineMs: readDeadlineMs(5_000, {}) });
    expect(readDeadlineMs(5_000, history)).toBe(10_000);
    history = nextHistory(history, { ok: false, timedOut: true, deadlineMs: 10_000 });
    expect(readDeadlineMs(5_000, history)).toBe(20_000);
    // An answer after 8 s: from now on the pace of that answer counts, not the timeouts before.
    history = nextHistory(history, { ok: true, ms: 8_000 });
    expect(history).toEqual({ lastOkMs: 8_000 });
    expect(readDeadlineMs(5_000, history)).toBe(24_000);
  });

  it('never exceeds 12 times the timeout, at most 60 s unless the timeout is longer', () => {
    expect(readDeadlineMs(5_000, { lastOkMs: 30_000 })).toBe(60_000);
    expect(readDeadlineMs(2_000, { timedOutAtMs: 20_000 })).toBe(24_000);
    expect(readDeadlineCapMs(90_000)).toBe(90_000);
    expect(readDeadlineMs(90_000, { lastOkMs: 60_000 })).toBe(90_000);
  });

  it('keeps the history on failures that say nothing about the pace', () => {
    const history = { lastOkMs: 4_000 };
    expect(nextHistory(history, { ok: false, timedOut: false, deadlineMs: 12_000 })).toBe(history);
  });
});

describe('timeoutHint', () => {
  it('names the environment variable for the default cluster', () => {
    const hint = timeoutHint({
      cluster: 'default',
      timeoutMs: 5_000,
      deadlineMs: 10_000,
      lastOkMs: undefined,
    });
    expect(hint).toBe(
      'The alert list did not arrive within 10 s (no earlier read succeeded); the next polls wait longer, up to 60 s. ' +
        'If this persists, raise VIGIL_UPSTREAM_TIMEOUT_SECONDS (now 5 s) or `upstreamTimeout` in VIGIL_CONFIG.',
    );
  });

  it("names the cluster's own timeout in VIGIL_CONFIG, and says when the cap is reached", () => {
    const hint = timeoutHint({ cluster: 'eu', timeoutMs: 5_000, deadlineMs: 60_000, lastOkMs: 21_000 });
    expect(hint).toBe(
      'The alert list did not arrive within 60 s, the longest Vigil waits with this timeout (the last one took 21 s). ' +
        'Check the Alertmanager\'s load, or raise `timeout` of alertmanagers "eu" in VIGIL_CONFIG (now 5 s): ' +
        'alert reads may take up to 12 times it (at most 60 s unless it is longer). ' +
        'An inhibit rule whose source matches many alerts makes Alertmanager before the October 2025 inhibition ' +
        'index (prometheus/alertmanager#4607) list them in time that grows with the square of their number: ' +
        'upgrade it or narrow the rule.',
    );
  });
});
