import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded';

const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-embedded-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function postmasterAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded PostgreSQL (the default without DATABASE_URL)', () => {
  it('starts, is shared with a second user of the same folder, and keeps its data across a restart', async () => {
    const first = await startEmbeddedPostgres(dataDir);
    expect(first.owned).toBe(true);
    expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
    const pid = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    await withClient(first.url, async (c) => {
      await c.query('CREATE TABLE kept (note text)');
      await c.query("INSERT INTO kept VALUES ('survives a restart')");
    });

    // A second process (e.g. `npm run user` beside a running console) reuses the running server.
    const second = await startEmbeddedPostgres(dataDir);
    expect(second).toMatchObject({ owned: false, url: first.url });
    await second.stop();
    expect(postmasterAlive(pid)).toBe(true);

    await first.stop();
    expect(postmasterAlive(pid)).toBe(false);

    const again = await startEmbeddedPostgres(dataDir);
    try {
      expect(again.owned).toBe(true);
      const rows = await withClient(again.url, async (c) => (await c.query('SELECT note FROM kept')).rows);
      expect(rows).toEqual([{ note: 'survives a restart' }]);
    } finally {
      await again.stop();
    }
    // Nothing of this folder is left running.
    const running = execFileSync('ps', ['-eo', 'args']).toString();
    expect(running).not.toContain(path.join(dataDir, 'pg'));
  });
});
