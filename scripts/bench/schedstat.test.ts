import { describe, expect, it } from 'vitest';
import { mainThreadTimes, parseSchedstat } from './schedstat';

describe('parseSchedstat', () => {
  it('reads the nanoseconds on a core and waiting for one as ms', () => {
    expect(parseSchedstat('2500000000 750000000 1234\n')).toEqual({ ranMs: 2500, waitedMs: 750 });
  });

  it('says nothing for a line it cannot read', () => {
    expect(parseSchedstat('')).toBeUndefined();
    expect(parseSchedstat('n/a')).toBeUndefined();
  });
});

describe('mainThreadTimes', () => {
  it("reads this process's own main thread, and nothing for a process that does not exist", () => {
    // Linux keeps schedstat for every thread; this machine and CI run Linux.
    const before = mainThreadTimes(process.pid);
    expect(before?.ranMs).toBeGreaterThan(0);
    expect(mainThreadTimes(2 ** 22 + 1)).toBeUndefined();
  });
});
