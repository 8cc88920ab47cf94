import { describe, expect, it } from 'vitest';
import { MatcherSyntaxError } from '@/lib/alertmanager/matchers';
import { compileRoutes, matchersFromLabels, matchRoute, parseRouteMatcher, type RouteRule } from './match';

let seq = 0;
const makeRoute = (partial: Partial<RouteRule>): RouteRule => {
  seq += 1;
  return {
    id: `r${seq}`,
    name: `route-${seq}`,
    position: seq,
    matchers: [],
    isDefault: false,
    teamId: null,
    policyId: 'p-default',
    autoOpen: true,
    urgency: 'high',
    ...partial,
  };
};

const DEFAULT = makeRoute({ name: 'default', position: 0, isDefault: true, autoOpen: false });
const DB = makeRoute({ name: 'db', position: 1, matchers: ['team="db"'], teamId: 't-db' });
const CRIT = makeRoute({ name: 'crit', position: 2, matchers: ['severity=~"critical|page"'] });
const nameOf = (labels: Record<string, string>, routes = [DEFAULT, CRIT, DB]) =>
  matchRoute(compileRoutes(routes), labels)?.route.name ?? null;

describe('matchRoute', () => {
  it('takes the first route by position whose matchers all match', () => {
    expect(matchRoute(compileRoutes([CRIT, DEFAULT, DB]), { team: 'db', severity: 'critical' })).toEqual({
      route: DB,
      matched: ['team="db"'],
    });
    // Moved above db, crit takes the same alert.
    expect(nameOf({ team: 'db', severity: 'critical' }, [DEFAULT, { ...CRIT, position: 0 }, DB])).toBe(
      'crit',
    );
  });

  it('tries the default route last, whatever its position, and only when no other matched', () => {
    expect(nameOf({ severity: 'page' })).toBe('crit');
    expect(matchRoute(compileRoutes([DEFAULT, CRIT, DB]), { severity: 'info' })).toEqual({
      route: DEFAULT,
      matched: [],
    });
    expect(nameOf({ severity: 'info' }, [CRIT, DB])).toBeNull();
  });

  it('needs every matcher of a route: one failing passes on to the next route', () => {
    const both = makeRoute({ name: 'both', position: 0, matchers: ['team="db"', 'env="prod"'] });
    expect(nameOf({ team: 'db', env: 'prod' }, [both, DB, DEFAULT])).toBe('both');
    expect(nameOf({ team: 'db', env: 'dev' }, [both, DB, DEFAULT])).toBe('db');
  });

  it('anchors regexes as Alertmanager does (RE2)', () => {
    const db = makeRoute({ name: 'dbs', position: 0, matchers: ['instance=~"db-.*"'] });
    expect(nameOf({ instance: 'db-1:9100' }, [db, DEFAULT])).toBe('dbs');
    expect(nameOf({ instance: 'mydb-1' }, [db, DEFAULT])).toBe('default');
    const ci = makeRoute({ name: 'ci', position: 0, matchers: ['severity=~"(?i)critical"'] });
    expect(nameOf({ severity: 'CRITICAL' }, [ci, DEFAULT])).toBe('ci');
  });

  it('!= and !~ match a missing label (read as ""), as in Prometheus', () => {
    const notDb = makeRoute({ name: 'not-db', position: 0, matchers: ['team!="db"'] });
    expect(nameOf({ team: 'web' }, [notDb, DEFAULT])).toBe('not-db');
    expect(nameOf({ alertname: 'X' }, [notDb, DEFAULT])).toBe('not-db');
    expect(nameOf({ team: 'db' }, [notDb, DEFAULT])).toBe('default');
    const notStaging = makeRoute({ name: 'not-staging', position: 0, matchers: ['env!~"staging|dev"'] });
    expect(nameOf({ env: 'prod' }, [notStaging, DEFAULT])).toBe('not-staging');
    expect(nameOf({}, [notStaging, DEFAULT])).toBe('not-staging');
    expect(nameOf({ env: 'dev' }, [notStaging, DEFAULT])).toBe('default');
  });

  it('a stored matcher that no longer parses makes its route match nothing, not everything', () => {
    const broken = makeRoute({ name: 'broken', position: 0, matchers: ['team=~"db["'] });
    expect(nameOf({ team: 'db[' }, [broken, DEFAULT])).toBe('default');
  });
});

describe('parseRouteMatcher', () => {
  it('reads one matcher, and refuses free text, two matchers and bad regexes', () => {
    expect(parseRouteMatcher('severity =~ "crit.*"')).toEqual({
      name: 'severity',
      op: '=~',
      value: 'crit.*',
    });
    expect(() => parseRouteMatcher('team="db" disk')).toThrow(MatcherSyntaxError);
    expect(() => parseRouteMatcher('team="db" env="x"')).toThrow('exactly one matcher');
    expect(() => parseRouteMatcher('team=~"db["')).toThrow(MatcherSyntaxError);
    expect(() => parseRouteMatcher('')).toThrow(MatcherSyntaxError);
  });
});

describe('the seeded auto-incident route', () => {
  // What `escalation.autoIncident.matchLabels` did before routes existed: every label equal, exactly.
  const seeded = (matchLabels: Record<string, string>) =>
    compileRoutes([makeRoute({ name: 'auto-incident', matchers: matchersFromLabels(matchLabels) }), DEFAULT]);
  const takes = (labels: Record<string, string>, matchLabels: Record<string, string>) =>
    matchRoute(seeded(matchLabels), labels)?.route.autoOpen;
  const alert = { alertname: 'InstanceDown', severity: 'critical', team: 'db' };

  it('auto-opens when every label is equal, and not for a different value or a missing label', () => {
    expect(takes(alert, { severity: 'critical' })).toBe(true);
    expect(takes(alert, { severity: 'critical', team: 'db' })).toBe(true);
    expect(takes({ ...alert, severity: 'warning' }, { severity: 'critical' })).toBe(false);
    expect(takes(alert, { severity: 'critical', team: 'web' })).toBe(false);
    expect(takes({ alertname: 'X' }, { severity: 'critical' })).toBe(false);
  });

  it('compares exactly, not as a regex or case-insensitively', () => {
    expect(takes({ severity: 'Critical' }, { severity: 'critical' })).toBe(false);
    expect(takes({ severity: 'critical' }, { severity: 'crit.*' })).toBe(false);
  });
});

describe('matchersFromLabels', () => {
  it('turns the auto-incident labels into equality matchers, sorted by name', () => {
    expect(matchersFromLabels({ severity: 'critical', env: 'prod' })).toEqual([
      'env="prod"',
      'severity="critical"',
    ]);
    expect(matchersFromLabels({})).toEqual([]);
  });
});
