import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { context } from '@/lib/testing/route-harness';
import { at, sampleDocument } from './fixtures';
import { renderDocument } from './yaml-text';

/**
 * The on-call configuration as YAML against a real PostgreSQL (embedded, migrated like production),
 * through the route handlers: export → import into an emptied database → export gives the same text;
 * a dry run reports the changes and writes nothing; one bad reference rolls back the whole file; the
 * default policy (VIGIL_CONFIG's) is skipped; a viewer reads but may not import.
 */

let caller: Actor | undefined;
vi.mock('@/lib/auth', async () => (await import('@/lib/testing/route-harness')).fakeAuth(() => caller));
vi.mock('@/lib/config/current', () => ({
  config: () => ({ channels: [{ name: 'sre-mail', type: 'email', to: ['sre@example.com'] }] }),
}));
await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');

let dataDir: string;
let server: EmbeddedDatabase;
let db: typeof import('@/lib/db').db;
let handlers: typeof import('@/app/api/v1/oncall-config/route');

const person = (id: string, role: Actor['role']): Actor => ({
  id,
  email: `${id}@example.com`,
  name: id,
  role,
  via: 'session',
  ip: null,
});
const ada = person('ada', 'admin');
const vic = person('vic', 'viewer');

async function exportText(as: Actor = ada) {
  caller = as;
  const res = await handlers.GET(new Request('http://vigil.test/api/v1/oncall-config'), context());
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/yaml');
  return res.text();
}

async function importText(
  yaml: string,
  options: { dryRun?: boolean; prune?: boolean } = {},
  as: Actor = ada,
) {
  caller = as;
  const res = await handlers.POST(
    new Request('http://vigil.test/api/v1/oncall-config', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ yaml, ...options }),
    }),
    context(),
  );
  return { status: res.status, json: await res.json() };
}

/** What start-up makes in a new database: the default policy from VIGIL_CONFIG and the default route. */
async function startUpDefaults() {
  const policy = await db().escalationPolicy.create({
    data: {
      name: 'default',
      isDefault: true,
      managedBy: 'config',
      levels: { create: [{ level: 1, name: 'Chat', delaySeconds: 0, targets: ['sre-mail'] }] },
    },
  });
  await db().route.create({
    data: {
      name: 'default',
      position: 1000,
      matchers: [],
      isDefault: true,
      policyId: policy.id,
      autoOpen: false,
    },
  });
}

async function emptyOncallTables() {
  await db().route.deleteMany();
  await db().escalationPolicy.deleteMany();
  await db().schedule.deleteMany();
  await db().team.deleteMany();
}

/** The sample with the default policy as VIGIL_CONFIG has it, so the round trip has it too. */
function fileText(): string {
  const doc = sampleDocument();
  doc.policies.unshift({
    name: 'default',
    description: '',
    team: null,
    repeat: 0,
    repeatAfterSeconds: 1800,
    levels: [{ name: 'Chat', delaySeconds: 0, channels: ['sre-mail'], schedules: [], users: [] }],
  });
  return renderDocument(doc);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-oncall-config-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
  await db().user.createMany({
    data: [ada, vic, person('ana', 'responder'), person('ben', 'responder')].map((p) => ({
      id: p.id,
      email: p.email,
      name: p.name,
      role: p.role,
    })),
  });
  await startUpDefaults();
  handlers = await import('@/app/api/v1/oncall-config/route');
}, 180_000);

afterAll(async () => {
  if (runtimeState().databaseUrl) await db?.().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('on-call configuration as YAML', () => {
  let exported: string;

  it('imports a file into a new database, reporting what it created', async () => {
    const { status, json } = await importText(fileText());
    expect(status).toBe(200);
    expect(json).toMatchObject({
      dryRun: false,
      teams: { created: ['sre'] },
      schedules: { created: ['sre-primary'] },
      policies: { created: ['sre'], unchanged: ['default'] },
      routes: { created: ['sre'], unchanged: ['default'] },
      skipped: [],
    });
    const schedule = await db().schedule.findUniqueOrThrow({
      where: { slug: 'sre-primary' },
      include: { layers: { include: { participants: { orderBy: { position: 'asc' } } } }, overrides: true },
    });
    expect(schedule.layers[0]?.participants.map((p) => p.userId)).toEqual(['ana', 'ben']);
    expect(schedule.overrides.map((o) => [o.userId, o.createdById])).toEqual([['ben', 'ada']]);
    const level = await db().escalationLevel.findFirstOrThrow({
      where: { policy: { name: 'sre' }, level: 1 },
    });
    expect(level.scheduleIds).toEqual([schedule.id]);
    exported = await exportText();
    expect(exported).toBe(fileText());
  });

  it('gives the same text after export → import into an emptied database → export', async () => {
    await emptyOncallTables();
    await startUpDefaults();
    expect((await importText(exported)).status).toBe(200);
    expect(await exportText()).toBe(exported);
    const again = await importText(exported);
    expect(again.json.teams).toEqual({ created: [], updated: [], unchanged: ['sre'], deleted: [] });
    expect(again.json.routes.unchanged).toEqual(['sre', 'default']);
  });

  it('reports a dry run’s changes and writes nothing', async () => {
    const edited = exported
      .replace('name: SRE\n', 'name: Site reliability\n')
      .replace(
        /routes:\n/,
        'routes:\n  - name: db\n    matchers:\n      - team="db"\n    policy: sre\n    autoOpen: true\n    urgency: low\n',
      );
    const { status, json } = await importText(edited, { dryRun: true });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      dryRun: true,
      teams: { updated: ['sre'] },
      routes: { created: ['db'], updated: ['sre'] },
    });
    expect(await exportText()).toBe(exported);
    expect(await db().auditLog.count({ where: { action: 'oncall-config.imported' } })).toBe(3);
  });

  it('rolls back the whole file when one reference does not exist, naming its path', async () => {
    const doc = sampleDocument();
    doc.teams.push({ slug: 'db', name: 'DB', description: '', channels: [], members: [] });
    doc.schedules.push({
      ...at(doc.schedules, 0),
      slug: 'db-primary',
      team: 'db',
      overrides: [],
      layers: [
        {
          ...at(at(doc.schedules, 0).layers, 0),
          participants: ['ana@example.com', 'ben@example.com', 'nobody@example.com'],
        },
      ],
    });
    const { status, json } = await importText(renderDocument(doc));
    expect(status).toBe(422);
    expect(json.error.fields).toEqual({
      'schedules[1].layers[0].participants[2]': 'no active user "nobody@example.com"',
    });
    expect(await db().team.count({ where: { slug: 'db' } })).toBe(0);
    expect(await exportText()).toBe(exported);
  });

  it('skips a change to the default policy, which VIGIL_CONFIG owns', async () => {
    const { status, json } = await importText(exported.replace('name: Chat', 'name: Everyone'));
    expect(status).toBe(200);
    expect(json.skipped).toEqual([
      { kind: 'policies', name: 'default', reason: expect.stringContaining('VIGIL_CONFIG') },
    ]);
    expect(await exportText()).toBe(exported);
  });

  it('refuses a level that pages nobody, but exports and reads back a default policy whose level does', async () => {
    const empty = exported.replace(
      /(- name: On-call\n\s+delaySeconds: 0\n)\s+schedules:\n\s+- sre-primary\n/,
      '$1',
    );
    expect(empty).not.toBe(exported);
    const refused = await importText(empty);
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields).toEqual({
      'policies[1].levels[0]': 'A level must page someone: name a channel, a schedule or a user',
    });
    // VIGIL_CONFIG's levels may name nobody yet (no channel declared, a schedule not made).
    await db().escalationLevel.updateMany({ where: { policy: { name: 'default' } }, data: { targets: [] } });
    const text = await exportText();
    expect(text).toContain(
      '  - name: default\n    repeat: 0\n    repeatAfterSeconds: 1800\n    levels:\n      - name: Chat\n        delaySeconds: 0\n  - name: sre',
    );
    const again = await importText(text);
    expect(again.status).toBe(200);
    expect(again.json.policies.unchanged).toEqual(['default', 'sre']);
    await db().escalationLevel.updateMany({
      where: { policy: { name: 'default' } },
      data: { targets: ['sre-mail'] },
    });
  });

  it('refuses a policy that starts over with no wait, as the policies API does, and writes nothing', async () => {
    const burst = exported.replace(
      /(- name: sre\n(?: {4}.*\n)*? {4}repeat: )0\n {4}repeatAfterSeconds: 1800\n/,
      '$12\n    repeatAfterSeconds: 0\n',
    );
    expect(burst).not.toBe(exported);
    const refused = await importText(burst);
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields).toEqual({
      'policies[1].repeatAfterSeconds': expect.stringContaining('With repeat 2, wait at least 60 s'),
    });
    expect(await exportText()).toBe(exported);
    // A wait of a minute is enough.
    const ok = await importText(burst.replace('repeatAfterSeconds: 0\n', 'repeatAfterSeconds: 60\n'));
    expect(ok.status).toBe(200);
    expect(ok.json.policies.updated).toEqual(['sre']);
    expect((await importText(exported)).status).toBe(200);
  });

  it('refuses to prune a team that a schedule, policy or route the file keeps still belongs to', async () => {
    const withoutTeams = exported.replace(/^teams:\n(?: {2}.*\n)*/m, '');
    expect(withoutTeams).not.toContain('slug: sre\n    name: SRE');
    const refused = await importText(withoutTeams, { prune: true });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe(
      'Team "sre" is not in the file but schedule "sre-primary", policy "sre", route "sre" still belong to it; nothing was imported. Add the team back, or give them another team.',
    );
    expect(await exportText()).toBe(exported);
  });

  it('deletes what the file leaves out only with prune, never the default policy or route', async () => {
    const onlyDefaults =
      'routes:\n  - name: default\n    default: true\n    policy: default\n    autoOpen: false\n';
    const kept = await importText(onlyDefaults);
    expect(kept.json.teams.deleted).toEqual([]);
    expect(await exportText()).toBe(exported);
    const pruned = await importText(onlyDefaults, { prune: true });
    expect(pruned.status).toBe(200);
    expect(pruned.json).toMatchObject({
      teams: { deleted: ['sre'] },
      schedules: { deleted: ['sre-primary'] },
      policies: { deleted: ['sre'] },
      routes: { deleted: ['sre'] },
    });
    expect(await db().escalationPolicy.count()).toBe(1);
    expect(await db().route.count()).toBe(1);
  });

  it('lets a viewer export but not import', async () => {
    expect(await exportText(vic)).toContain('name: default');
    expect((await importText('teams: []', {}, vic)).status).toBe(403);
  });
});
