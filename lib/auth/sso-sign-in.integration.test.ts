import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Auth, type AuthConfig } from '@auth/core';
import { decode } from '@auth/core/jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { parseEnv } from '@/lib/env';
import { log } from '@/lib/log';
import { type FakeIdentityProvider, startFakeIdentityProvider } from '@/lib/testing/fake-identity-provider';
import { externalSignIn, ssoPolicy } from './external-sign-in';
import { hashPassword } from './password';
import type { GitHubAnswers } from './sso-policy';
import { ssoProviders } from './sso-providers';

/**
 * GitHub and OIDC sign-in through Auth.js's real OAuth flow (@auth/core's `Auth`, which next-auth wraps
 * for Next): the browser's redirects are followed by hand between Auth.js and a fake identity provider
 * (lib/testing/fake-identity-provider.ts: discovery, JWKS, RS256-signed id tokens, GitHub's OAuth and
 * REST endpoints), with Vigil's own providers (sso-providers.ts) and signIn callback
 * (external-sign-in.ts) against a real PostgreSQL. Each test checks where the browser ends up, whether a
 * session was issued and for which Vigil user, and what the database holds afterwards.
 */

const SECRET = 's'.repeat(32);
const ORIGIN = 'http://vigil.test';
const SESSION_COOKIE = 'authjs.session-token';
const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');

let dataDir: string;
let server: EmbeddedDatabase;
let fake: FakeIdentityProvider;

/** The Auth.js configuration of lib/auth/next-auth.ts, with the environment the test chooses. */
function authConfig(environment: Record<string, string>): AuthConfig {
  const e = parseEnv({
    PROMETHEUS_URL: 'http://127.0.0.1:9',
    ALERTMANAGER_URLS: 'http://127.0.0.1:9',
    AUTH_SECRET: SECRET,
    VIGIL_WEBHOOK_TOKEN: 'w'.repeat(24),
    AUTH_OIDC_ISSUER: fake.issuer,
    AUTH_OIDC_ID: fake.clientId,
    AUTH_OIDC_SECRET: fake.clientSecret,
    AUTH_GITHUB_ID: fake.clientId,
    AUTH_GITHUB_SECRET: fake.clientSecret,
    ...environment,
  });
  return {
    secret: SECRET,
    trustHost: true,
    basePath: '/api/auth',
    session: { strategy: 'jwt' },
    pages: { signIn: '/signin', error: '/signin' },
    providers: ssoProviders(e, fake.githubUrl),
    // Auth.js reports refused sign-ins as errors; the assertions below say what matters.
    logger: { error: () => {}, warn: () => {}, debug: () => {} },
    callbacks: {
      signIn: externalSignIn(ssoPolicy(e), fake.githubApiUrl),
      jwt({ token, user }) {
        if (user?.id) token.uid = user.id;
        return token;
      },
    },
  };
}

/** A browser's cookie jar, enough for Auth.js's state, PKCE, nonce, CSRF and session cookies. */
class Browser {
  private cookies = new Map<string, string>();

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line))
        this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
  }

  private get header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  /** A request to Vigil's Auth.js routes. */
  async auth(config: AuthConfig, url: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set('cookie', this.header);
    const response = await Auth(new Request(new URL(url, ORIGIN), { ...init, headers }), config);
    this.keep(response);
    return response;
  }

  /**
   * Clicks "Sign in with <provider>" and follows the redirects through the provider back to Vigil;
   * answers where the browser finally lands.
   */
  async signIn(config: AuthConfig, provider: 'oidc' | 'github'): Promise<URL> {
    const { csrfToken } = (await (await this.auth(config, '/api/auth/csrf')).json()) as { csrfToken: string };
    const start = await this.auth(config, `/api/auth/signin/${provider}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${ORIGIN}/alerts` }),
    });
    const atProvider = start.headers.get('location');
    if (!atProvider?.startsWith('http://127.0.0.1'))
      throw new Error(`no redirect to the provider: ${atProvider}`);
    const back = (await fetch(atProvider, { redirect: 'manual' })).headers.get('location') ?? '';
    expect(back.startsWith(`${ORIGIN}/api/auth/callback/${provider}?`)).toBe(true);
    const landed = await this.auth(config, back);
    return new URL(landed.headers.get('location') ?? '', ORIGIN);
  }

  /** The Vigil user id in the session cookie, if a session was issued. */
  async sessionUserId(): Promise<string | undefined> {
    const token = this.cookie(SESSION_COOKIE);
    if (!token) return undefined;
    const claims = await decode({ token, secret: SECRET, salt: SESSION_COOKIE });
    return typeof claims?.uid === 'string' ? claims.uid : undefined;
  }
}

/** Where a refused sign-in lands: the sign-in page, with the reason it shows. */
const refusedWith = (landed: URL) => `${landed.pathname}?error=${landed.searchParams.get('error')}`;

async function passwordAdmin() {
  return db().user.create({
    data: {
      email: 'admin@example.com',
      name: 'Admin',
      role: 'admin',
      passwordHash: await hashPassword('pw-1234'),
    },
  });
}

const verified = (claims: Record<string, unknown> = {}) => ({
  sub: 'oidc-ana',
  email: 'ana@example.com',
  email_verified: true,
  name: 'Ana',
  ...claims,
});

const github = (partial: Partial<GitHubAnswers & { failing: string[] }> = {}) => ({
  profile: { login: 'ana-gh', name: 'Ana' },
  emails: [{ email: 'ana@example.com', primary: true, verified: true }],
  orgs: [{ login: 'Acme' }],
  teams: [{ slug: 'SRE', organization: { login: 'Acme' } }],
  ...partial,
});

beforeAll(async () => {
  fake = await startFakeIdentityProvider();
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-sso-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
});

afterAll(async () => {
  await db().$disconnect();
  await server?.stop();
  await fake?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The JSON log lines of refused sign-ins, in order. */
let refusals: unknown[] = [];

beforeEach(async () => {
  refusals = [];
  vi.spyOn(log, 'warn').mockImplementation(((fields: unknown) => {
    refusals.push(fields);
  }) as typeof log.warn);
  await db().auditLog.deleteMany();
  await db().user.deleteMany();
});

describe('OIDC sign-in against the fake OIDC provider', () => {
  it('creates a verified newcomer with the default role and issues a session for them', async () => {
    fake.nextOidcUser(verified());
    const browser = new Browser();
    const landed = await browser.signIn(authConfig({ VIGIL_OIDC_DEFAULT_ROLE: 'responder' }), 'oidc');
    expect(landed.pathname).toBe('/alerts');
    const user = await db().user.findUniqueOrThrow({ where: { email: 'ana@example.com' } });
    expect(user).toMatchObject({ name: 'Ana', role: 'responder', passwordHash: null });
    expect(await browser.sessionUserId()).toBe(user.id);
    expect((await db().auditLog.findMany()).map((a) => [a.action, a.details])).toEqual([
      ['user.created', { by: 'oidc', role: 'responder' }],
    ]);
  });

  it('links a verified e-mail to the existing password user, keeping their role', async () => {
    const admin = await passwordAdmin();
    fake.nextOidcUser(verified({ email: 'Admin@Example.com' }));
    const browser = new Browser();
    expect((await browser.signIn(authConfig({}), 'oidc')).pathname).toBe('/alerts');
    expect(await browser.sessionUserId()).toBe(admin.id);
    expect(await db().user.count()).toBe(1);
    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: 'admin' });
  });

  it.each([
    ['email_verified: false', { email_verified: false }],
    ['no email_verified claim', { email_verified: undefined }],
    ['email_verified: "no"', { email_verified: 'no' }],
  ])('refuses to link an unverified e-mail to an existing admin (%s)', async (_, claims) => {
    const admin = await passwordAdmin();
    fake.nextOidcUser(verified({ email: 'admin@example.com', ...claims }));
    const browser = new Browser();
    const landed = await browser.signIn(authConfig({}), 'oidc');
    expect(refusedWith(landed)).toBe('/signin?error=sso-email-unverified');
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await db().user.findMany()).toEqual([admin]);
    expect(refusals).toEqual([
      {
        event: 'sign_in_refused',
        provider: 'oidc',
        email: 'admin@example.com',
        reason: 'sso-email-unverified',
        cause: undefined,
      },
    ]);
  });

  it('refuses an unverified newcomer instead of letting them claim the address', async () => {
    fake.nextOidcUser(verified({ email_verified: false }));
    const browser = new Browser();
    expect(refusedWith(await browser.signIn(authConfig({}), 'oidc'))).toBe(
      '/signin?error=sso-email-unverified',
    );
    expect(await db().user.count()).toBe(0);
  });

  it('trusts a missing email_verified only when VIGIL_OIDC_ASSUME_EMAIL_VERIFIED says so', async () => {
    fake.nextOidcUser(verified({ email_verified: undefined }));
    const browser = new Browser();
    const config = authConfig({ VIGIL_OIDC_ASSUME_EMAIL_VERIFIED: 'true' });
    expect((await browser.signIn(config, 'oidc')).pathname).toBe('/alerts');
    expect(await browser.sessionUserId()).toBeDefined();
  });

  it('admits only the allowed e-mail domains and groups', async () => {
    const config = authConfig({
      VIGIL_SSO_ALLOWED_DOMAINS: 'example.com',
      VIGIL_OIDC_ALLOWED_GROUPS: 'oncall,/ops/sre',
    });
    fake.nextOidcUser(verified({ email: 'eve@evil.example', groups: ['oncall'] }));
    expect(refusedWith(await new Browser().signIn(config, 'oidc'))).toBe(
      '/signin?error=sso-domain-not-allowed',
    );
    fake.nextOidcUser(verified({ groups: ['staff'] }));
    expect(refusedWith(await new Browser().signIn(config, 'oidc'))).toBe(
      '/signin?error=sso-group-not-allowed',
    );
    fake.nextOidcUser(verified({ groups: undefined }));
    expect(refusedWith(await new Browser().signIn(config, 'oidc'))).toBe(
      '/signin?error=sso-group-not-allowed',
    );
    expect(await db().user.count()).toBe(0);
    fake.nextOidcUser(verified({ groups: ['staff', '/ops/sre'] }));
    const browser = new Browser();
    expect((await browser.signIn(config, 'oidc')).pathname).toBe('/alerts');
    expect(await browser.sessionUserId()).toBeDefined();
  });

  it('reads the groups from the configured claim', async () => {
    const config = authConfig({
      VIGIL_OIDC_GROUPS_CLAIM: 'realm_access.roles',
      VIGIL_OIDC_ALLOWED_GROUPS: 'oncall',
    });
    fake.nextOidcUser(verified({ groups: ['oncall'], realm_access: { roles: ['viewer-only'] } }));
    expect(refusedWith(await new Browser().signIn(config, 'oidc'))).toBe(
      '/signin?error=sso-group-not-allowed',
    );
    fake.nextOidcUser(verified({ realm_access: { roles: ['oncall'] } }));
    expect((await new Browser().signIn(config, 'oidc')).pathname).toBe('/alerts');
  });

  it('refuses a disabled user', async () => {
    await db().user.create({ data: { email: 'ana@example.com', role: 'viewer', disabledAt: new Date() } });
    fake.nextOidcUser(verified());
    const browser = new Browser();
    expect(refusedWith(await browser.signIn(authConfig({}), 'oidc'))).toBe(
      '/signin?error=sso-account-disabled',
    );
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
  });

  it('maps groups to roles at every sign-in, the highest winning, and audits each change', async () => {
    const config = authConfig({ VIGIL_OIDC_ROLES: 'sre-admins=admin,oncall=responder' });
    fake.nextOidcUser(verified({ groups: ['oncall', 'sre-admins'] }));
    await new Browser().signIn(config, 'oidc');
    const user = await db().user.findUniqueOrThrow({ where: { email: 'ana@example.com' } });
    expect(user.role).toBe('admin');

    fake.nextOidcUser(verified({ groups: ['oncall'] }));
    const browser = new Browser();
    await browser.signIn(config, 'oidc');
    expect(await browser.sessionUserId()).toBe(user.id);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      role: 'responder',
    });

    fake.nextOidcUser(verified({ groups: [] }));
    await new Browser().signIn(config, 'oidc');
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: 'viewer' });
    const audit = await db().auditLog.findMany({ orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.via, a.details])).toEqual([
      ['user.created', 'system', { by: 'oidc', role: 'admin' }],
      ['user.role_changed', 'system', { from: 'admin', to: 'responder', by: 'oidc' }],
      ['user.role_changed', 'system', { from: 'responder', to: 'viewer', by: 'oidc' }],
    ]);
  });
});

describe('GitHub sign-in against the fake GitHub (fake identity provider)', () => {
  it('asks GitHub for organisation membership (read:org) besides the e-mail', async () => {
    fake.nextGitHubUser(github());
    await new Browser().signIn(authConfig({}), 'github');
    expect(fake.githubScopes.at(-1)).toBe('read:user user:email read:org');
  });

  it('admits a member of an allowed organisation with the role of their team', async () => {
    const admin = await passwordAdmin();
    fake.nextGitHubUser(github({ emails: [{ email: 'admin@example.com', primary: true, verified: true }] }));
    const config = authConfig({
      VIGIL_GITHUB_ALLOWED_ORGS: 'acme',
      VIGIL_GITHUB_ROLES: 'acme=viewer,acme/sre=responder',
    });
    const browser = new Browser();
    expect((await browser.signIn(config, 'github')).pathname).toBe('/alerts');
    expect(await browser.sessionUserId()).toBe(admin.id);
    // The mapping decides: the admin Vigil knew is now what their GitHub team says.
    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      role: 'responder',
    });
  });

  it('refuses someone outside the allowed organisations', async () => {
    fake.nextGitHubUser(github({ orgs: [{ login: 'elsewhere' }], teams: [] }));
    const landed = await new Browser().signIn(authConfig({ VIGIL_GITHUB_ALLOWED_ORGS: 'acme' }), 'github');
    expect(refusedWith(landed)).toBe('/signin?error=sso-group-not-allowed');
    expect(await db().user.count()).toBe(0);
  });

  it('refuses to link an unverified primary e-mail, even with a verified secondary one', async () => {
    const admin = await passwordAdmin();
    fake.nextGitHubUser(
      github({
        emails: [
          { email: 'admin@example.com', primary: true, verified: false },
          { email: 'mallory@example.net', primary: false, verified: true },
        ],
      }),
    );
    const browser = new Browser();
    expect(refusedWith(await browser.signIn(authConfig({}), 'github'))).toBe(
      '/signin?error=sso-email-unverified',
    );
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await db().user.findMany()).toEqual([admin]);
  });

  it('refuses when GitHub will not list the memberships it must check', async () => {
    fake.nextGitHubUser(github({ failing: ['/user/orgs'] }));
    const landed = await new Browser().signIn(authConfig({ VIGIL_GITHUB_ALLOWED_ORGS: 'acme' }), 'github');
    expect(refusedWith(landed)).toBe('/signin?error=sso-provider-unavailable');
    expect(await db().user.count()).toBe(0);
    expect(refusals).toEqual([
      expect.objectContaining({
        reason: 'sso-provider-unavailable',
        cause: expect.stringMatching(/^GitHub answered 403 for \/.*\/user\/orgs$/),
      }),
    ]);
  });
});
