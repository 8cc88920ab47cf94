import 'server-only';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { runtimeState } from '@/lib/db/runtime';

const KEY = Symbol.for('vigil.prisma');
const store = globalThis as unknown as Record<symbol, PrismaClient | undefined>;

/** The one Prisma client of this process (kept on globalThis so dev-mode reloads do not open new pools). */
export function db(): PrismaClient {
  const existing = store[KEY];
  if (existing) return existing;
  const url = runtimeState().databaseUrl;
  if (!url) throw new Error('the database is not ready: start-up (instrumentation.ts) has not run');
  const client = createPrismaClient(url);
  store[KEY] = client;
  return client;
}
