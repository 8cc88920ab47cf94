import 'server-only';
import { AttemptLog, type WindowLimit } from '@/lib/auth/rate-limit';
import { RateLimitedError } from '@/lib/errors';

/**
 * "Send me a test" (a contact method's, a push device's) sends to a service outside Vigil on a person's
 * click, so a stuck key or a script must not flood that service, nor a gateway that bills per SMS. Each
 * person may send TEST_SENDS_PER_PERSON a minute over all their methods and devices, and one per method
 * every 10 s; beyond, a 429 with Retry-After. Counted in this process's memory (lib/auth/rate-limit.ts
 * AttemptLog; each instance of Vigil counts its own, a restart forgets), kept on globalThis so every
 * route module of the process shares one count, as the query limits are (lib/upstreams/user-queries.ts).
 */

const TEST_SENDS_PER_PERSON: WindowLimit = { max: 5, windowMs: 60_000 };
const TEST_SENDS_PER_METHOD: WindowLimit = { max: 1, windowMs: 10_000 };

const KEY = Symbol.for('vigil.test-send-limit');
const store = globalThis as unknown as Record<symbol, AttemptLog | undefined>;

/**
 * Counts one test send by `userId` to `method` ("contact:<id>", "push:<id>"), or throws RateLimitedError
 * (nothing counted) saying when to try again. `now` is for tests.
 */
export function admitTestSend(userId: string, method: string, now: number = Date.now()): void {
  store[KEY] ??= new AttemptLog();
  const refused = store[KEY].take(now, [
    { key: `person:${userId}`, limit: TEST_SENDS_PER_PERSON, what: 'person' as const },
    { key: `method:${userId}:${method}`, limit: TEST_SENDS_PER_METHOD, what: 'method' as const },
  ]);
  if (!refused) return;
  const seconds = Math.ceil(refused.waitMs / 1000);
  throw new RateLimitedError(
    refused.check.what === 'person'
      ? `You sent ${TEST_SENDS_PER_PERSON.max} tests in the last minute, the most allowed; try again in ${seconds} s.`
      : `This one was tested a moment ago (one test every ${TEST_SENDS_PER_METHOD.windowMs / 1000} s); check that it arrived, or try again in ${seconds} s.`,
    seconds,
  );
}

/** Forgets every counted test send, so a test file starts each test with none. */
export function forgetTestSends(): void {
  store[KEY] = undefined;
}
