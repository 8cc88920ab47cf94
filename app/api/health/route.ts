import { NextResponse } from 'next/server';
import { route } from '@/lib/http/route';
import { healthOp } from '@/lib/server/api';
import { healthStatus } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/**
 * Public. `GET /api/health` → the full check (200 healthy, 503 unhealthy). `GET /api/health?probe=live`
 * → liveness for process managers: answers 200 while the process serves, touching neither the database
 * nor any upstream, so a down Prometheus never gets Vigil restarted.
 */
export const GET = route(healthOp, async ({ query }) => {
  if (query.probe === 'live') return { status: 'alive' as const, timestamp: new Date().toISOString() };
  const health = await healthStatus();
  return health.status === 'healthy' ? health : NextResponse.json(health, { status: 503 });
});
