import { NextRequest } from 'next/server';
import { afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';

/**
 * The auth path's log, through Auth.js's real handlers: a failed sign-in and a forged session cookie
 * each write exactly one JSON line, with no password, cookie or stack trace. (Auth.js's own logger
 * printed a multi-line trace for each, so anyone could flood the log.)
 */

const PASSWORD = 'correct-horse-battery-staple';
const FORGED_COOKIE = 'forged-session-cookie-value';

vi.mock('./users', async (original) => ({
  ...(await original<typeof import('./users')>()),
  verifyCredentials: vi.fn(async () => ({ ok: false, reason: 'invalid' })),
}));

let handlers: typeof import('./next-auth').handlers;

beforeAll(async () => {
  vi.stubEnv('PROMETHEUS_URL', 'http://127.0.0.1:9090');
  vi.stubEnv('ALERTMANAGER_URLS', 'http://127.0.0.1:9093');
  vi.stubEnv('AUTH_SECRET', 'a'.repeat(32));
  vi.stubEnv('VIGIL_WEBHOOK_TOKEN', 'w'.repeat(24));
  ({ handlers } = await import('./next-auth'));
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Everything written to stdout and the console while `run` runs. */
async function output(run: () => Promise<unknown>): Promise<{ lines: string[]; console: MockInstance[] }> {
  const written: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  const consoleSpies = (['error', 'warn', 'log', 'info'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation(() => {}),
  );
  try {
    await run();
  } finally {
    vi.mocked(process.stdout.write).mockRestore();
  }
  return { lines: written.join('').split('\n').filter(Boolean), console: consoleSpies };
}

const url = (path: string) => `http://vigil.test/api/auth${path}`;

describe('auth log', () => {
  it('logs a failed sign-in as exactly one JSON line, without the password', async () => {
    const csrf = await handlers.GET(new NextRequest(url('/csrf')));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const body = new URLSearchParams({
      csrfToken,
      email: 'owner@example.com',
      password: PASSWORD,
      callbackUrl: '/',
    });

    let answer: Response | undefined;
    const { lines, console: consoleSpies } = await output(async () => {
      answer = await handlers.POST(
        new NextRequest(url('/callback/credentials'), {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie,
            'x-forwarded-for': '203.0.113.5',
          },
          body,
        }),
      );
    });

    expect(answer?.headers.get('location')).toContain('/signin?error=CredentialsSignin');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '');
    expect(line).toMatchObject({
      level: 'warn',
      event: 'sign_in_failed',
      email: 'owner@example.com',
      ip: '203.0.113.5',
      reason: 'invalid',
    });
    expect(lines[0]).not.toContain(PASSWORD);
    expect(lines[0]).not.toContain(csrfToken);
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  });

  it('logs an unreadable session cookie as exactly one JSON line, without the cookie or a stack', async () => {
    const { lines, console: consoleSpies } = await output(() =>
      handlers.GET(
        new NextRequest(url('/session'), { headers: { cookie: `authjs.session-token=${FORGED_COOKIE}` } }),
      ),
    );
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '');
    expect(line).toMatchObject({ level: 'warn', event: 'session_invalid', type: 'JWTSessionError' });
    expect(lines[0]).not.toContain(FORGED_COOKIE);
    // No stack frame ("    at fn (file:1:2)") anywhere in the line.
    expect(lines[0]).not.toMatch(/\bat .*:\d+:\d+/);
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  });
});
