import { describe, expect, it } from 'vitest';
import { type AlertEventInput, inKeyOrder } from './alert-event';
import { makeEvent } from './testing/make-event';

const event = makeEvent;

const keys = (events: AlertEventInput[]) => events.map((e) => `${e.fingerprint} ${e.startsAt} ${e.status}`);

describe('inKeyOrder', () => {
  const T1 = '2026-12-04T08:00:00.000Z';
  const T2 = '2026-12-04T08:00:00.500Z';
  const ordered = [
    event('a', T1, 'firing'),
    event('a', T1, 'resolved'),
    event('a', T2, 'firing'),
    event('ab', T1, 'firing'),
    event('b', T1, 'firing'),
  ];

  it('sorts by fingerprint, then start, then status, whatever order the batch came in', () => {
    for (const batch of [
      [...ordered].reverse(),
      [ordered[3], ordered[0], ordered[4], ordered[2], ordered[1]],
    ])
      expect(keys(inKeyOrder(batch as AlertEventInput[]))).toEqual(keys(ordered));
  });

  it('leaves the batch it was given as it was', () => {
    const batch = [...ordered].reverse();
    inKeyOrder(batch);
    expect(batch[0]?.fingerprint).toBe('b');
  });
});
