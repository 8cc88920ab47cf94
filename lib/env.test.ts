import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

const valid = {
  PROMETHEUS_URL: 'http://127.0.0.1:9090',
  ALERTMANAGER_URLS: 'http://127.0.0.1:9093, http://127.0.0.1:9094',
  AUTH_SECRET: 'x'.repeat(32),
  VIGIL_WEBHOOK_TOKEN: 'y'.repeat(24),
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as EnvError).problems;
  }
  throw new Error('expected parseEnv to fail');
}

describe('parseEnv', () => {
  it('accepts a minimal valid environment and normalises it', () => {
    const env = parseEnv(valid);
    expect(env.ALERTMANAGER_URLS).toEqual(['http://127.0.0.1:9093', 'http://127.0.0.1:9094']);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.VIGIL_DATA_DIR).toBe('.vigil');
    expect(env.AUTH_OIDC_NAME).toBe('SSO');
  });

  it('strips trailing slashes from upstream URLs', () => {
    expect(parseEnv({ ...valid, PROMETHEUS_URL: 'http://prom:9090/' }).PROMETHEUS_URL).toBe(
      'http://prom:9090',
    );
  });

  it.each([
    [{ PROMETHEUS_URL: undefined }, 'PROMETHEUS_URL is required'],
    [
      { PROMETHEUS_URL: 'prometheus:9090' },
      'PROMETHEUS_URL must be an http(s) URL such as http://prometheus:9090',
    ],
    [{ ALERTMANAGER_URLS: undefined }, 'ALERTMANAGER_URLS is required'],
    [{ ALERTMANAGER_URLS: 'http://am:9093,ftp://x' }, 'ALERTMANAGER_URLS must be an http(s) URL'],
    [{ ALERTMANAGER_URLS: ' , ' }, 'ALERTMANAGER_URLS must list at least one URL'],
    [{ DATABASE_URL: 'mysql://db/vigil' }, 'DATABASE_URL must be a PostgreSQL URL'],
    [{ AUTH_SECRET: undefined }, 'AUTH_SECRET is required: generate one with `openssl rand -base64 32`'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET must be at least 32 characters'],
    [{ VIGIL_WEBHOOK_TOKEN: undefined }, 'VIGIL_WEBHOOK_TOKEN is required'],
    [{ VIGIL_WEBHOOK_TOKEN: 'abc' }, 'VIGIL_WEBHOOK_TOKEN must be at least 16 characters'],
    [{ LOKI_URL: 'loki' }, 'LOKI_URL must be an http(s) URL such as http://loki:3100'],
    [{ LOKI_TENANT: 'ops' }, 'LOKI_TENANT is set but LOKI_URL is not'],
    [{ AUTH_GITHUB_ID: 'id' }, 'AUTH_GITHUB_SECRET must be set together with its pair'],
    [
      { AUTH_OIDC_ISSUER: 'https://sso.example.com' },
      'AUTH_OIDC_ID is missing: AUTH_OIDC_ISSUER, AUTH_OIDC_ID, AUTH_OIDC_SECRET must be set together',
    ],
    [{ VIGIL_OIDC_DEFAULT_ROLE: 'root' }, 'VIGIL_OIDC_DEFAULT_ROLE'],
  ])('%o → %s', (override, message) => {
    const problems = problemsOf({ ...valid, ...override });
    expect(problems.join('\n')).toContain(message);
  });

  it('takes a VAPID key pair only whole, and a mailto:/https: subject', () => {
    const publicKey = `B${'a'.repeat(86)}`;
    const privateKey = 'p'.repeat(43);
    const env = parseEnv({
      ...valid,
      VIGIL_VAPID_PUBLIC_KEY: publicKey,
      VIGIL_VAPID_PRIVATE_KEY: privateKey,
    });
    expect(env).toMatchObject({ VIGIL_VAPID_PUBLIC_KEY: publicKey, VIGIL_VAPID_PRIVATE_KEY: privateKey });
    expect(problemsOf({ ...valid, VIGIL_VAPID_PUBLIC_KEY: publicKey }).join('\n')).toContain(
      'VIGIL_VAPID_PRIVATE_KEY must be set together with its pair',
    );
    const bad = problemsOf({
      ...valid,
      VIGIL_VAPID_SUBJECT: 'ops@example.com',
      VIGIL_VAPID_PRIVATE_KEY: 'short-secret',
    });
    expect(bad.join('\n')).toContain('mailto: or https:');
    expect(bad.join('\n')).not.toContain('short-secret');
  });

  it('never echoes a secret in its messages', () => {
    const problems = problemsOf({ ...valid, AUTH_SECRET: 'hunter2-secret' });
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('lists every bad variable at once, each on its own line', () => {
    const problems = problemsOf({ AUTH_SECRET: 'x'.repeat(32) });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual([
      'ALERTMANAGER_URLS',
      'PROMETHEUS_URL',
      'VIGIL_WEBHOOK_TOKEN',
    ]);
  });

  it('lets VIGIL_CONFIG replace the shorthand upstream variables', () => {
    const env = parseEnv({
      ...valid,
      PROMETHEUS_URL: undefined,
      ALERTMANAGER_URLS: undefined,
      VIGIL_CONFIG: 'vigil.yml',
    });
    expect(env.VIGIL_CONFIG).toBe('vigil.yml');
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ ...valid, DATABASE_URL: '', LOKI_URL: ' ' }).LOKI_URL).toBeUndefined();
  });

  it('trusts no proxy by default, and reads VIGIL_TRUSTED_PROXIES as a list of CIDRs', () => {
    expect(parseEnv(valid).VIGIL_TRUSTED_PROXIES).toEqual([]);
    const proxies = parseEnv({
      ...valid,
      VIGIL_TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32,192.0.2.7',
    }).VIGIL_TRUSTED_PROXIES;
    expect(proxies.map((p) => [p.version, p.prefix])).toEqual([
      [4, 8],
      [6, 32],
      [4, 32],
    ]);
  });

  it('names the entries of VIGIL_TRUSTED_PROXIES that are not CIDRs', () => {
    expect(problemsOf({ ...valid, VIGIL_TRUSTED_PROXIES: '10.0.0.0/8,proxy.local,10.0.0.0/40' })).toEqual([
      'VIGIL_TRUSTED_PROXIES must list addresses or CIDRs such as 10.0.0.0/8,2001:db8::/32 (not "proxy.local", "10.0.0.0/40")',
    ]);
  });

  it('admits anyone through GitHub/OIDC unless told otherwise', () => {
    const e = parseEnv(valid);
    expect([e.VIGIL_SSO_ALLOWED_DOMAINS, e.VIGIL_GITHUB_ALLOWED_ORGS, e.VIGIL_OIDC_ALLOWED_GROUPS]).toEqual([
      [],
      [],
      [],
    ]);
    expect([e.VIGIL_GITHUB_ROLES, e.VIGIL_OIDC_ROLES]).toEqual([[], []]);
    expect(e.VIGIL_OIDC_GROUPS_CLAIM).toBe('groups');
    expect(e.VIGIL_OIDC_ASSUME_EMAIL_VERIFIED).toBe(false);
  });

  it('reads the sign-in allow-lists and group roles, lower-casing what is case-insensitive', () => {
    const e = parseEnv({
      ...valid,
      VIGIL_SSO_ALLOWED_DOMAINS: 'Example.com, ops.example.org,',
      VIGIL_GITHUB_ALLOWED_ORGS: 'Acme,acme/SRE',
      VIGIL_GITHUB_ROLES: 'Acme/SRE=admin, acme=responder',
      VIGIL_OIDC_ALLOWED_GROUPS: 'OnCall, /ops/sre',
      VIGIL_OIDC_ROLES: 'team=red=admin , OnCall = responder',
      VIGIL_OIDC_GROUPS_CLAIM: 'realm_access.roles',
      VIGIL_OIDC_ASSUME_EMAIL_VERIFIED: 'true',
    });
    expect(e.VIGIL_SSO_ALLOWED_DOMAINS).toEqual(['example.com', 'ops.example.org']);
    expect(e.VIGIL_GITHUB_ALLOWED_ORGS).toEqual(['acme', 'acme/sre']);
    expect(e.VIGIL_GITHUB_ROLES).toEqual([
      { group: 'acme/sre', role: 'admin' },
      { group: 'acme', role: 'responder' },
    ]);
    // OIDC groups keep their case: many providers compare them exactly.
    expect(e.VIGIL_OIDC_ALLOWED_GROUPS).toEqual(['OnCall', '/ops/sre']);
    expect(e.VIGIL_OIDC_ROLES).toEqual([
      { group: 'team=red', role: 'admin' },
      { group: 'OnCall', role: 'responder' },
    ]);
    expect(e.VIGIL_OIDC_GROUPS_CLAIM).toBe('realm_access.roles');
    expect(e.VIGIL_OIDC_ASSUME_EMAIL_VERIFIED).toBe(true);
  });

  it('names a group role that is not group=role with a known role', () => {
    expect(problemsOf({ ...valid, VIGIL_OIDC_ROLES: 'sre=admin,oncall=root,lonely' })).toEqual([
      'VIGIL_OIDC_ROLES must list group=role pairs with a role of viewer, responder, admin, such as sre-admins=admin,oncall=responder (not "oncall=root")',
      'VIGIL_OIDC_ROLES must list group=role pairs with a role of viewer, responder, admin, such as sre-admins=admin,oncall=responder (not "lonely")',
    ]);
  });
});
