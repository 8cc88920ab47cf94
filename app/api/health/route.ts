import { NextResponse } from 'next/server';
import { databaseHealthy } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/** Public liveness/readiness for load balancers and the blackbox exporter: 503 when the database is down. */
export async function GET() {
  const database = await databaseHealthy();
  return NextResponse.json(
    { status: database ? 'ok' : 'degraded', database: database ? 'up' : 'down' },
    { status: database ? 200 : 503 },
  );
}
