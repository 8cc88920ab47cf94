import { describe, expect, it } from 'vitest';
import { oncallDocumentSchema } from './document';
import { at, sampleDocument } from './fixtures';
import { planImport } from './plan';

const EMPTY = oncallDocumentSchema.parse({});
const options = { prune: false, readOnlyPolicies: new Set<string>(), now: new Date('2027-01-01T00:00:00Z') };

describe('planImport', () => {
  it('creates everything into an empty database, and changes nothing when the file equals the database', () => {
    const doc = sampleDocument();
    const first = planImport(EMPTY, doc, options);
    expect(first.result.teams.created).toEqual(['sre']);
    expect(first.result.schedules.created).toEqual(['sre-primary']);
    expect(first.result.policies.created).toEqual(['sre']);
    expect(first.result.routes.created).toEqual(['sre', 'default']);
    expect(first.routes.order).toEqual(['sre']);

    const again = planImport(doc, doc, options);
    expect(again.result.teams).toEqual({ created: [], updated: [], unchanged: ['sre'], deleted: [] });
    expect(again.result.schedules.unchanged).toEqual(['sre-primary']);
    expect(again.result.routes.unchanged).toEqual(['sre', 'default']);
    expect(again.teams.write).toEqual([]);
    expect(again.schedules.update).toEqual([]);
  });

  it('updates an entry whose field changed and keeps what the file leaves out unless prune', () => {
    const doc = sampleDocument();
    const edited = structuredClone(doc);
    edited.teams = [];
    edited.schedules[0] = { ...at(doc.schedules, 0), name: 'Renamed' };
    const kept = planImport(doc, edited, options);
    expect(kept.result.schedules.updated).toEqual(['sre-primary']);
    expect(kept.schedules.update[0]?.changed).toBe(true);
    expect(kept.result.teams.deleted).toEqual([]);
    const pruned = planImport(doc, edited, { ...options, prune: true });
    expect(pruned.result.teams.deleted).toEqual(['sre']);
    expect(pruned.teams.delete).toEqual(['sre']);
  });

  it('adds overrides the file lists, ignores ended ones, and removes others only with prune', () => {
    const doc = sampleDocument();
    const edited = structuredClone(doc);
    const schedule = at(edited.schedules, 0);
    schedule.overrides = [
      {
        user: 'ana@example.com',
        startsAt: '2031-01-01T00:00:00.000Z',
        endsAt: '2031-01-02T00:00:00.000Z',
        reason: '',
      },
      {
        user: 'ana@example.com',
        startsAt: '2020-01-01T00:00:00.000Z',
        endsAt: '2020-01-02T00:00:00.000Z',
        reason: '',
      },
    ];
    const plan = planImport(doc, edited, options);
    expect(plan.result.schedules.updated).toEqual(['sre-primary']);
    expect(plan.schedules.update[0]?.changed).toBe(false);
    expect(plan.schedules.update[0]?.addOverrides.map((o) => o.startsAt)).toEqual([
      '2031-01-01T00:00:00.000Z',
    ]);
    expect(plan.schedules.update[0]?.removeOverrides).toEqual([]);
    const pruned = planImport(doc, edited, { ...options, prune: true });
    expect(pruned.schedules.update[0]?.removeOverrides.map((o) => o.user)).toEqual(['ben@example.com']);
  });

  it('skips a change to a read-only (VIGIL_CONFIG) policy, with the reason, and never prunes it', () => {
    const doc = sampleDocument();
    const edited = structuredClone(doc);
    at(edited.policies, 0).repeat = 3;
    const readOnly = { ...options, readOnlyPolicies: new Set(['sre']) };
    const plan = planImport(doc, edited, readOnly);
    expect(plan.policies.write).toEqual([]);
    expect(plan.result.skipped).toEqual([
      { kind: 'policies', name: 'sre', reason: expect.stringMatching(/VIGIL_CONFIG/) },
    ]);
    expect(planImport(doc, doc, readOnly).result.policies.unchanged).toEqual(['sre']);
    const pruned = planImport(doc, { ...doc, policies: [] }, { ...readOnly, prune: true });
    expect(pruned.result.policies.deleted).toEqual([]);
  });

  it('orders routes as the file does, routes left out after them, and reports the ones that move', () => {
    const base = sampleDocument();
    const current = structuredClone(base);
    current.routes = [
      { ...at(base.routes, 0), name: 'a' },
      { ...at(base.routes, 0), name: 'b' },
      at(base.routes, 1),
    ];
    const incoming = structuredClone(base);
    incoming.routes = [{ ...at(base.routes, 0), name: 'b' }];
    const plan = planImport(current, incoming, options);
    expect(plan.routes.order).toEqual(['b', 'a']);
    expect(plan.result.routes.updated.sort()).toEqual(['a', 'b']);
    const pruned = planImport(current, incoming, { ...options, prune: true });
    expect(pruned.routes.order).toEqual(['b']);
    expect(pruned.result.routes.deleted).toEqual(['a']);
  });

  it('matches the default route by its flag, whatever its name', () => {
    const doc = sampleDocument();
    const renamed = structuredClone(doc);
    at(renamed.routes, 1).name = 'catch-all';
    const plan = planImport(doc, renamed, options);
    expect(plan.result.routes.updated).toEqual(['catch-all']);
    expect(plan.result.routes.created).toEqual([]);
  });
});
