import { NextResponse } from 'next/server';
import { requestActor } from '@/lib/auth';
import { route } from '@/lib/http/route';
import { healthOp } from '@/lib/server/api';
import { healthStatus } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/**
 * Public. `GET /api/health` → the full check (200 healthy, 503 unhealthy); `errors` (hosts, upstream
 * answers) only for a caller with a session or an API token. `GET /api/health?probe=live` → liveness for
 * process managers: answers 200 while the process serves, touching neither the database nor any
 * upstream, so a down Prometheus never gets Vigil restarted.
 */
export const GET = route(healthOp, async ({ query }, { request }) => {
  if (query.probe === 'live') return { status: 'alive' as const, timestamp: new Date().toISOString() };
  const [{ errors, ...health }, signedIn] = await Promise.all([healthStatus(), identified(request)]);
  const answer = signedIn ? { ...health, errors } : health;
  return health.status === 'healthy' ? answer : NextResponse.json(answer, { status: 503 });
});

/**
 * Whether the caller has a session or a valid API token. Reading them needs the database: when it is
 * down the caller counts as anonymous, so the check still answers (503, saying the database is down)
 * instead of failing on who is asking.
 */
const identified = (request: Request): Promise<boolean> =>
  requestActor(request).then(
    (actor) => actor !== undefined,
    () => false,
  );
