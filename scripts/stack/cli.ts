/**
 * Runs the real stack for local development and demos:
 *
 *   npx tsx scripts/stack/cli.ts [--vigil-url URL] [--webhook-token T] [--postgres auto|debian|embedded]
 *
 * prints the environment Vigil needs, and runs until Ctrl-C, which stops
 * everything (the cleanup registry handles the signal).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { StackError, StackOptionsError } from './errors.js';
import { type Stack, startStack } from './start-stack.js';

const argsSchema = z.object({
  'vigil-url': z.string().default('http://127.0.0.1:3000'),
  // A fresh random token unless one is given: it is printed below for Vigil's env.
  'webhook-token': z.string().default(() => randomBytes(24).toString('base64url')),
  postgres: z.enum(['auto', 'debian', 'embedded']).default('auto'),
});

function envLines(stack: Stack): string[] {
  return [
    `DATABASE_URL=${stack.databaseUrl}`,
    `PROMETHEUS_URL=${stack.prometheusUrl}`,
    `ALERTMANAGER_URLS=${stack.alertmanagerUrls.join(',')}`,
    `VIGIL_WEBHOOK_TOKEN=${stack.webhookToken}`,
  ];
}

function summary(stack: Stack, seconds: string): string {
  const rows: [string, string][] = [
    ['Prometheus', stack.prometheusUrl],
    ['Alertmanager 1', stack.alertmanagerUrls[0]],
    ['Alertmanager 2', stack.alertmanagerUrls[1]],
    ['node exporter', stack.exporters.node],
    ['postgres exporter', stack.exporters.postgres],
    ['blackbox exporter', stack.exporters.blackbox],
    [`PostgreSQL (${stack.postgresKind})`, stack.databaseUrl],
    ['down target (api)', stack.downTargetUrl],
    ['webhooks go to', stack.vigilUrl],
    ['configs and logs', stack.dir],
  ];
  return [
    `Stack ready in ${seconds} s.`,
    '',
    '# Environment for Vigil (e.g. .env.local):',
    ...envLines(stack),
    '',
    ...rows.map(([name, value]) => `${name.padEnd(20)} ${value}`),
    '',
    'Press Ctrl-C to stop everything.',
  ].join('\n');
}

const USAGE =
  'usage: tsx scripts/stack/cli.ts [--vigil-url URL] [--webhook-token TOKEN] [--postgres auto|debian|embedded]';

function parseCliArgs(): z.infer<typeof argsSchema> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: {
        'vigil-url': { type: 'string' },
        'webhook-token': { type: 'string' },
        postgres: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new StackOptionsError(error instanceof Error ? error.message : String(error), USAGE);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new StackOptionsError(z.prettifyError(parsed.error), USAGE);
  return parsed.data;
}

async function main(): Promise<void> {
  const args = parseCliArgs();
  const started = Date.now();
  const stack = await startStack({
    vigilUrl: args['vigil-url'],
    webhookToken: args['webhook-token'],
    postgres: args.postgres,
    log: (line) => console.error(line),
  });
  console.log(summary(stack, ((Date.now() - started) / 1000).toFixed(1)));
  // The child processes keep the event loop alive; Ctrl-C ends it through the cleanup registry.
}

main().catch((error: unknown) => {
  // Our errors carry their hint in the message; anything else keeps its stack trace.
  console.error(error instanceof StackError ? error.message : error);
  process.exitCode = 1;
});
