import { databaseHealthy } from '@/lib/server/health';
import { renderMetrics } from '@/lib/server/metrics';
import { upstreamHealth } from '@/lib/upstreams/health';

export const dynamic = 'force-dynamic';

/** Public, like every exporter: no secrets, only Vigil's own state. */
export async function GET() {
  const [database, health] = await Promise.all([databaseHealthy(), upstreamHealth()]);
  const memory = process.memoryUsage();
  const body = renderMetrics([
    { name: 'vigil_up', help: 'Always 1 while Vigil serves.', type: 'gauge', samples: [{ value: 1 }] },
    {
      name: 'vigil_database_up',
      help: 'Whether PostgreSQL answers.',
      type: 'gauge',
      samples: [{ value: database ? 1 : 0 }],
    },
    {
      name: 'vigil_upstream_up',
      help: 'Whether each upstream answered its last health probe.',
      type: 'gauge',
      samples: health.upstreams.map((u) => ({ labels: { kind: u.kind, name: u.name }, value: u.ok ? 1 : 0 })),
    },
    {
      name: 'process_resident_memory_bytes',
      help: 'Resident memory size in bytes.',
      type: 'gauge',
      samples: [{ value: memory.rss }],
    },
    {
      name: 'nodejs_heap_used_bytes',
      help: 'V8 heap in use, in bytes.',
      type: 'gauge',
      samples: [{ value: memory.heapUsed }],
    },
    {
      name: 'process_uptime_seconds',
      help: 'Seconds since the process started.',
      type: 'gauge',
      samples: [{ value: Math.round(process.uptime()) }],
    },
  ]);
  return new Response(body, { headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' } });
}
