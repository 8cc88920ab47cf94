import vm from 'node:vm';

/**
 * rrule has no bound on its own work: it steps period by period (day by day for DAILY) until a start
 * matches or the year 9999, and UNTIL and between's bounds are checked only at a match. A rule that
 * matches no day (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30), or MONTHLY;INTERVAL=2;BYMONTH=2 from a January,
 * held the event loop 7 s per expansion: at every create, list and minute's pass. A script run with
 * vm's `timeout` is ended by Node's watchdog wherever its code is, outer functions included, so an
 * expansion is cut at a deadline on this thread; normal rules take well under a millisecond.
 */

export class ExpansionTooLongError extends Error {
  constructor(ms: number) {
    super(
      `The rule matches no day, or hardly any (its starts were not found within ${ms} ms): check that its BYMONTH, BYMONTHDAY, BYDAY and INTERVAL parts can fall on the same day.`,
    );
    this.name = 'ExpansionTooLongError';
  }
}

/**
 * Deadline of one expansion, in wall-clock time: a normal rule's take well under a millisecond, and the
 * margin keeps a busy machine's pauses from cutting one short.
 */
const EXPANSION_DEADLINE_MS = 200;

// One context, reused: making a context costs about a millisecond.
const sandbox = vm.createContext({ work: undefined as (() => unknown) | undefined });
const script = new vm.Script('work()');

/** `work()`, ended with ExpansionTooLongError when it runs longer than `ms`. */
export function bounded<T>(work: () => T, ms = EXPANSION_DEADLINE_MS): T {
  sandbox.work = work;
  try {
    return script.runInContext(sandbox, { timeout: ms }) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new ExpansionTooLongError(ms);
    throw error;
  } finally {
    sandbox.work = undefined;
  }
}
