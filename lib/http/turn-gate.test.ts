import { describe, expect, it } from 'vitest';
import { createTurnGate } from './turn-gate';

/** A piece of work the test finishes by hand, recording when it started. */
function manual(log: string[], name: string) {
  let finish: (ok: boolean) => void = () => {};
  const work = () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      finish = (ok) => (ok ? resolve(name) : reject(new Error(`${name} failed`)));
    });
  return { work, finish: (ok = true) => finish(ok) };
}

const nextTurnOfTheLoop = () => new Promise((resolve) => setImmediate(resolve));

describe('createTurnGate', () => {
  it('runs at most `concurrency` at once and the rest in order of arrival', async () => {
    const gate = createTurnGate(2);
    const log: string[] = [];
    const [a, b, c, d] = [manual(log, 'a'), manual(log, 'b'), manual(log, 'c'), manual(log, 'd')];
    const runs = [a, b, c, d].map((m) => gate.run(m.work));
    await nextTurnOfTheLoop();
    expect(log).toEqual(['start a', 'start b']);
    expect(gate.waiting).toBe(2);
    b.finish();
    await runs[1];
    await nextTurnOfTheLoop();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    a.finish();
    await runs[0];
    await nextTurnOfTheLoop();
    expect(log.at(-1)).toBe('start d');
    c.finish();
    d.finish();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    expect(gate.waiting).toBe(0);
  });

  it('hands a freed turn on in a later step of the event loop, not in the finishing caller’s microtasks', async () => {
    const gate = createTurnGate(1);
    const log: string[] = [];
    const a = manual(log, 'a');
    const b = manual(log, 'b');
    const first = gate.run(a.work);
    const second = gate.run(b.work);
    a.finish();
    await first;
    // Every microtask queued so far has run: the waiter must not have started with them.
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(log).toEqual(['start a']);
    await nextTurnOfTheLoop();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    await second;
  });

  it('frees the turn when the work fails, and passes the failure on', async () => {
    const gate = createTurnGate(1);
    const log: string[] = [];
    const a = manual(log, 'a');
    const b = manual(log, 'b');
    const failed = gate.run(a.work);
    const next = gate.run(b.work);
    a.finish(false);
    await expect(failed).rejects.toThrow('a failed');
    await nextTurnOfTheLoop();
    b.finish();
    await expect(next).resolves.toBe('b');
  });

  it('lets a newcomer queue behind those already waiting, even when a turn was just freed', async () => {
    const gate = createTurnGate(1);
    const log: string[] = [];
    const [a, b, c] = [manual(log, 'a'), manual(log, 'b'), manual(log, 'c')];
    const runs = [gate.run(a.work), gate.run(b.work)];
    a.finish();
    await runs[0];
    // The turn is free but b waits for it: c must not overtake b.
    runs.push(gate.run(c.work));
    await nextTurnOfTheLoop();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    await runs[1];
    await nextTurnOfTheLoop();
    c.finish();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a concurrency that is not a positive whole number', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => createTurnGate(bad)).toThrow(RangeError);
  });
});
