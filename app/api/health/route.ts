import { NextResponse } from 'next/server';
import { healthStatus } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/**
 * Public. `GET /api/health` → the full check (200 healthy, 503 unhealthy). `GET /api/health?probe=live`
 * → liveness for process managers: answers 200 while the process serves, touching neither the database
 * nor any upstream, so a down Prometheus never gets Vigil restarted.
 */
export async function GET(request: Request) {
  if (new URL(request.url).searchParams.get('probe') === 'live')
    return NextResponse.json({ status: 'alive', timestamp: new Date().toISOString() });
  const health = await healthStatus();
  return NextResponse.json(health, { status: health.status === 'healthy' ? 200 : 503 });
}
