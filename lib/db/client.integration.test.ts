import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from './client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded';

let server: EmbeddedDatabase;
let dataDir: string;
let prisma: PrismaClient;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-pool-'));
  server = await startEmbeddedPostgres(dataDir);
  prisma = createPrismaClient(server.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const backend = async () =>
  (await prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]?.pid;

describe('createPrismaClient', () => {
  it('keeps its connection open across a quiet spell longer than node-postgres’ 10 s default', async () => {
    const before = await backend();
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    // The same PostgreSQL backend answers: no new connection (and no SCRAM handshake) was needed.
    expect(await backend()).toBe(before);
  }, 30_000);
});
