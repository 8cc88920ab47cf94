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
});
