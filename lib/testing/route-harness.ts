import { type Actor, assertRole } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/roles';

/**
 * What a test that calls route handlers needs around them: the environment route() reads, a stand-in
 * for lib/auth.ts (which loads Auth.js, and Auth.js does not load outside Next) and the context Next
 * hands a handler. Test-only. vi.hoisted and vi.mock factories run before the test file's imports, so
 * they load it with `await import(…)`.
 */

/** VIGIL_WEBHOOK_TOKEN: the bearer token Alertmanager's webhook calls carry in these tests. */
export const WEBHOOK_TOKEN = 'a-webhook-token-of-24-chars';

/**
 * Sets what env() needs before its first (lazy) parse. Prometheus and Alertmanager point at port 9
 * (discard), where nothing listens, so a call that should have met a stand-in is refused at once. Every
 * JSON answer is checked against its operation's response schema, as in e2e.
 */
export function setRouteEnv(overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    AUTH_SECRET: 's'.repeat(32),
    VIGIL_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    PROMETHEUS_URL: 'http://127.0.0.1:9',
    ALERTMANAGER_URLS: 'http://127.0.0.1:9',
    VIGIL_CHECK_RESPONSES: '1',
    ...overrides,
  });
}

/** The caller a test names by role: `u-<role>`, `<role>@example.com`, by API token unless said. */
export const testActor = (role: Role, via: Actor['via'] = 'token'): Actor => ({
  id: `u-${role}`,
  email: `${role}@example.com`,
  name: null,
  role,
  via,
  ip: null,
});

/**
 * The caller a request names in its `x-test-role` (and optional `x-test-via: session`) header, instead
 * of a session or token (those need PostgreSQL).
 */
function roleHeaderActor(request: Request): Actor | undefined {
  const role = request.headers.get('x-test-role');
  if (role !== 'viewer' && role !== 'responder' && role !== 'admin') return undefined;
  return testActor(role, request.headers.get('x-test-via') === 'session' ? 'session' : 'token');
}

/**
 * The module for `vi.mock('@/lib/auth', …)`: the real assertRole, and a requestActor answering the
 * caller `callerOf` names (by default the `x-test-role` header's; undefined = not signed in).
 */
export function fakeAuth(callerOf: (request: Request) => Actor | undefined = roleHeaderActor) {
  return { assertRole, requestActor: async (request: Request) => callerOf(request) };
}

/** The second argument Next passes a route handler: the path's dynamic segments. */
export const context = <P = Record<string, string>>(params = {} as P) => ({
  params: Promise.resolve(params),
});
