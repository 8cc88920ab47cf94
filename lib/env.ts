import { z } from 'zod';
// Relative imports, here and in what they import: prisma.config.ts loads this module (through
// prisma/cli-adapter.ts) with Prisma's config loader, which knows no `@/` alias (postinstall runs it).
import { ROLES } from './auth/roles';
import { type Network, parseNetwork } from './net/forwarded';

/**
 * The only reader of process.env. Every variable is validated with zod; a bad or missing value stops
 * start-up with a message that names the variable and what is expected (see formatEnvIssues).
 * Secrets are never echoed back in those messages.
 */

const httpUrl = (example: string) =>
  z
    .string({ error: `is required: an http(s) URL such as ${example}` })
    .trim()
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), {
      error: `must be an http(s) URL such as ${example}`,
    })
    .transform((v) => v.replace(/\/+$/, ''));

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v), {
    error: 'must be a PostgreSQL URL such as postgresql://vigil:secret@localhost:5432/vigil',
  });

const secret = (name: string, min: number, hint: string) =>
  z
    .string({ error: `is required: ${hint}` })
    .refine((v) => v.length >= min, { error: `must be at least ${min} characters (${hint})` })
    .describe(name);

/** "a, b,,c" → ['a', 'b', 'c']; `lower` for names that are case-insensitive (domains, GitHub logins). */
const commaList = (lower: boolean) =>
  optional(z.string()).transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => (lower ? s.trim().toLowerCase() : s.trim()))
      .filter(Boolean),
  );

/**
 * "sre-admins=admin, oncall=responder" → [{group:'sre-admins', role:'admin'}, …]: the role a provider's
 * group grants (lib/auth/sso-policy.ts). The last "=" separates, so a group name may contain "=".
 */
const groupRoles = (lower: boolean, example: string) =>
  commaList(false).transform((entries, ctx) =>
    entries.flatMap((entry) => {
      const at = entry.lastIndexOf('=');
      const group = entry.slice(0, at).trim();
      const role = z.enum(ROLES).safeParse(entry.slice(at + 1).trim());
      if (at > 0 && group && role.success)
        return [{ group: lower ? group.toLowerCase() : group, role: role.data }];
      ctx.addIssue({
        code: 'custom',
        message: `must list group=role pairs with a role of ${ROLES.join(', ')}, such as ${example} (not ${JSON.stringify(entry)})`,
      });
      return [];
    }),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optional(postgresUrl),
  VIGIL_DATA_DIR: optional(z.string()).default('.vigil'),
  VIGIL_CONFIG: optional(z.string()),
  PROMETHEUS_URL: optional(httpUrl('http://prometheus:9090')),
  // For browsers' links only: PROMETHEUS_URL may be an address only the server reaches.
  PROMETHEUS_EXTERNAL_URL: optional(httpUrl('https://ops.example.com/prometheus')),
  GRAFANA_URL: optional(httpUrl('https://grafana.example.com')),
  GRAFANA_DATASOURCE_UID: optional(z.string().trim().min(1)),
  ALERTMANAGER_URLS: optional(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(httpUrl('http://alertmanager-1:9093'))
          .min(1, { error: 'must list at least one URL, e.g. http://am-1:9093,http://am-2:9093' }),
      ),
  ),
  LOKI_URL: optional(httpUrl('http://loki:3100')),
  // A dead-man's-switch URL Vigil calls while healthy (README "The pipeline watched"); a secret, never logged.
  VIGIL_HEARTBEAT_URL: optional(httpUrl('https://hc-ping.com/<uuid>')),
  VIGIL_POLL_INTERVAL_SECONDS: optional(
    z.coerce.number({ error: 'must be a number of seconds, e.g. 10' }).int().min(1).max(600),
  ).default(10),
  VIGIL_UPSTREAM_TIMEOUT_SECONDS: optional(
    z.coerce.number({ error: 'must be a number of seconds, e.g. 5' }).min(0.1).max(120),
  ).default(5),
  LOKI_TENANT: optional(z.string().trim().min(1)),
  AUTH_SECRET: secret('AUTH_SECRET', 32, 'generate one with `openssl rand -base64 32`'),
  VIGIL_WEBHOOK_TOKEN: secret(
    'VIGIL_WEBHOOK_TOKEN',
    16,
    'the bearer token Alertmanager sends to the webhook; generate one with `openssl rand -hex 24`',
  ),
  // Web Push (README "The console as a pager"): a VAPID key pair of your own, else one generated once
  // and kept in the database. URL-safe base64, as `npx web-push generate-vapid-keys` prints them.
  VIGIL_VAPID_PUBLIC_KEY: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{80,100}$/, {
        error:
          'must be a URL-safe base64 P-256 public key (87 characters), e.g. from `npx web-push generate-vapid-keys`',
      }),
  ),
  VIGIL_VAPID_PRIVATE_KEY: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{40,50}$/, {
        error:
          'must be a URL-safe base64 P-256 private key (43 characters), e.g. from `npx web-push generate-vapid-keys`',
      }),
  ),
  // Who push services contact about our pushes: mailto: or https: (RFC 8292 "sub").
  VIGIL_VAPID_SUBJECT: optional(
    z
      .string()
      .trim()
      .regex(/^(mailto:|https:\/\/)\S+$/, {
        error: 'must be a mailto: or https: URL, e.g. mailto:oncall-admins@example.com',
      }),
  ),
  AUTH_GITHUB_ID: optional(z.string()),
  AUTH_GITHUB_SECRET: optional(z.string()),
  AUTH_OIDC_ISSUER: optional(httpUrl('https://sso.example.com/realms/ops')),
  AUTH_OIDC_ID: optional(z.string()),
  AUTH_OIDC_SECRET: optional(z.string()),
  AUTH_OIDC_NAME: optional(z.string()).default('SSO'),
  VIGIL_OIDC_DEFAULT_ROLE: z.enum(['viewer', 'responder', 'admin']).default('viewer'),
  // Who may sign in through GitHub/OIDC and with which role (lib/auth/sso-policy.ts, README "Single sign-on").
  VIGIL_SSO_ALLOWED_DOMAINS: commaList(true),
  VIGIL_GITHUB_ALLOWED_ORGS: commaList(true),
  VIGIL_GITHUB_ROLES: groupRoles(true, 'acme/sre=admin,acme=responder'),
  VIGIL_OIDC_GROUPS_CLAIM: optional(z.string().trim().min(1)).default('groups'),
  VIGIL_OIDC_ALLOWED_GROUPS: commaList(false),
  VIGIL_OIDC_ROLES: groupRoles(false, 'sre-admins=admin,oncall=responder'),
  VIGIL_OIDC_ASSUME_EMAIL_VERIFIED: optional(z.enum(['0', '1', 'true', 'false']))
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  // Proxies whose X-Forwarded-For hops are believed (lib/net/forwarded.ts); none by default.
  VIGIL_TRUSTED_PROXIES: optional(z.string()).transform((value, ctx): Network[] => {
    const entries = (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const networks = entries.map(parseNetwork);
    const bad = entries.filter((_, i) => !networks[i]);
    if (bad.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `must list addresses or CIDRs such as 10.0.0.0/8,2001:db8::/32 (not ${bad.map((b) => JSON.stringify(b)).join(', ')})`,
      });
    return networks.filter((n) => n !== undefined);
  }),
  // The demo and the e2e tests set it: LOKI_URL is the built-in replay of recorded Loki answers
  // (lib/loki/replay-server.ts), and the logs panel says so.
  VIGIL_LOKI_REPLAY: optional(z.enum(['0', '1', 'true', 'false']))
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  // Tests set it: every API answer is checked against its operation's response schema (lib/api/route.ts).
  VIGIL_CHECK_RESPONSES: optional(z.enum(['0', '1', 'true', 'false']))
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
});

const present = (v: string | undefined) => Boolean(v?.trim());

/**
 * Rules between variables, checked on the raw environment so they are reported together with the
 * per-variable problems (zod skips refinements of an object whose fields failed).
 */
function crossChecks(source: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (!present(source.VIGIL_CONFIG)) {
    if (!present(source.PROMETHEUS_URL))
      problems.push(
        'PROMETHEUS_URL is required (or declare Prometheus servers in VIGIL_CONFIG): e.g. http://prometheus:9090',
      );
    if (!present(source.ALERTMANAGER_URLS))
      problems.push(
        'ALERTMANAGER_URLS is required (or declare clusters in VIGIL_CONFIG): the comma-separated peers of one HA cluster, e.g. http://am-1:9093,http://am-2:9093',
      );
  }
  if (present(source.LOKI_TENANT) && !present(source.LOKI_URL))
    problems.push('LOKI_TENANT is set but LOKI_URL is not');
  if (present(source.AUTH_GITHUB_ID) !== present(source.AUTH_GITHUB_SECRET))
    problems.push(
      `${present(source.AUTH_GITHUB_ID) ? 'AUTH_GITHUB_SECRET' : 'AUTH_GITHUB_ID'} must be set together with its pair to enable GitHub sign-in`,
    );
  if (present(source.VIGIL_VAPID_PUBLIC_KEY) !== present(source.VIGIL_VAPID_PRIVATE_KEY))
    problems.push(
      `${present(source.VIGIL_VAPID_PUBLIC_KEY) ? 'VIGIL_VAPID_PRIVATE_KEY' : 'VIGIL_VAPID_PUBLIC_KEY'} must be set together with its pair (or leave both unset and Vigil keeps a generated pair in the database)`,
    );
  const oidc = ['AUTH_OIDC_ISSUER', 'AUTH_OIDC_ID', 'AUTH_OIDC_SECRET'];
  const missing = oidc.filter((name) => !present(source[name]));
  if (missing.length > 0 && missing.length < oidc.length)
    problems.push(`${missing[0]} is missing: ${oidc.join(', ')} must be set together to enable OIDC sign-in`);
  return problems;
}

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Vigil cannot start: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Turns zod issues into "VARIABLE what is expected" lines, e.g. `PROMETHEUS_URL must be an http(s) URL …`. */
function formatEnvIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`);
}

/** Parses an environment (process.env in production, a plain object in tests). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  const problems = [...(result.success ? [] : formatEnvIssues(result.error.issues)), ...crossChecks(source)];
  if (problems.length > 0 || !result.success) throw new EnvError(problems);
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** DATABASE_URL alone, for tools (Prisma CLI, migrations) that need nothing else. */
export function readDatabaseUrl(purpose: string): string {
  const value = process.env.DATABASE_URL;
  const parsed = postgresUrl.safeParse(value);
  if (!parsed.success)
    throw new EnvError([
      `DATABASE_URL ${value ? 'must be a PostgreSQL URL such as postgresql://vigil:secret@localhost:5432/vigil' : `is required for ${purpose}`}`,
    ]);
  return parsed.data;
}

/** Variables of the command-line tools (scripts/), kept here so this stays the only reader. */
export function cliEnv() {
  return {
    password: process.env.VIGIL_PASSWORD,
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.VIGIL_DATA_DIR || '.vigil',
  };
}

/** A real Loki for the Loki client's tests, when LOKI_URL is set (they replay recordings otherwise). */
export function lokiTestEnv(): { url: string | undefined; tenant: string | undefined } {
  return { url: process.env.LOKI_URL || undefined, tenant: process.env.LOKI_TENANT || undefined };
}

/**
 * True outside Next's server bundle (Vitest, tsx scripts), where the TypeScript sources run as they are: a
 * worker thread's entry is then a .ts file that Node can only load through tsx. Next sets NEXT_RUNTIME
 * in its server (and inlines it in the bundle); not VITEST, which a console started by a test inherits.
 */
export function runsFromSources(): boolean {
  return process.env.NEXT_RUNTIME === undefined;
}
