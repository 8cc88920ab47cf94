import 'server-only';
import { db } from '@/lib/db';
import { upstreamHealth } from '@/lib/snapshots/upstream-health';
import type { HealthStatus } from './health-schema';

export async function databaseHealthy(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

function rollUp(states: boolean[]): 'up' | 'down' | 'degraded' {
  if (states.length > 0 && states.every(Boolean)) return 'up';
  return states.some(Boolean) ? 'degraded' : 'down';
}

/**
 * Vigil's own health (healthStatusSchema). Upstream states come from the snapshots (no upstream
 * request). Unhealthy when the database is down, when no Prometheus answers, or when every peer of an
 * Alertmanager cluster is down; Loki is reported but optional.
 */
export async function healthStatus(): Promise<HealthStatus> {
  const [database, upstreams] = await Promise.all([databaseHealthy(), upstreamHealth()]);
  const of = (kind: string) => upstreams.upstreams.filter((u) => u.kind === kind);
  const errors = [
    ...(database
      ? []
      : ['database: PostgreSQL does not answer; check DATABASE_URL and that the server runs']),
    ...upstreams.upstreams.filter((u) => !u.ok).map((u) => `${u.kind} ${u.name}: ${u.detail}`),
  ];
  const prometheus = rollUp(of('prometheus').map((u) => u.ok));
  const alertmanager = rollUp(of('alertmanager').map((u) => u.ok));
  const loki = of('loki');
  return {
    status: database && prometheus !== 'down' && alertmanager !== 'down' ? 'healthy' : 'unhealthy',
    database: database ? 'up' : 'down',
    prometheus,
    alertmanager,
    loki: loki.length === 0 ? 'not configured' : loki.every((u) => u.ok) ? 'up' : 'down',
    timestamp: new Date().toISOString(),
    errors,
  };
}
