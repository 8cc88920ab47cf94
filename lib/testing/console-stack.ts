import { freePorts } from '../../scripts/stack/ports';
import { type Stack, startStack } from '../../scripts/stack/start-stack';

/**
 * The harness's real stack (PostgreSQL, Prometheus, the Alertmanager HA pair…) for integration tests
 * that call the server's modules directly, with the environment set the way the server reads it (its
 * configuration is read on first use, so import those modules after this), and the way back: the
 * server's pollers stopped before the stack.
 */
export async function startConsoleStack(pollSeconds = 1): Promise<Stack> {
  const [port] = await freePorts(1);
  const stack = await startStack({ vigilUrl: `http://127.0.0.1:${port}`, webhookToken: 'w'.repeat(24) });
  Object.assign(process.env, {
    PROMETHEUS_URL: stack.prometheusUrl,
    ALERTMANAGER_URLS: stack.alertmanagerUrls.join(','),
    AUTH_SECRET: 's'.repeat(32),
    VIGIL_WEBHOOK_TOKEN: 'w'.repeat(24),
    VIGIL_POLL_INTERVAL_SECONDS: String(pollSeconds),
  });
  return stack;
}

export async function stopConsoleStack(stack: Stack | undefined): Promise<void> {
  const { sources } = await import('@/lib/snapshots/sources');
  for (const s of sources().clusters.values()) s.stop();
  for (const s of sources().prometheus.values()) s.stop();
  await stack?.stop();
}
