import 'server-only';
import { db } from '@/lib/db';
import { ackKey } from './ack-overlay';
import type { IncidentLinks } from './incident-overlay';

/**
 * Which unresolved incident each alert belongs to, as the alerts list and detail show it ("INC-3").
 * One indexed query (incidents by status, then their alerts) read at most once per second and at once
 * after this process changed an incident, so a busy alerts view never costs a query per alert or per
 * request. Another Vigil instance's change shows within that second.
 */

const MAX_AGE_MS = 1000;
/** Unresolved: what createIncident's one-open-incident-per-alert rule also counts. */
const UNRESOLVED = ['open', 'acknowledged', 'mitigated'] as const;

type State = {
  map: IncidentLinks;
  loadedAt: number;
  loading?: Promise<IncidentLinks>;
  failing?: boolean;
  /** What the links looked like when last read (count, newest link, newest incident change). */
  version?: string;
};
const KEY = Symbol.for('vigil.incident-links');
const store = globalThis as unknown as Record<symbol, State | undefined>;
const state = (): State => {
  store[KEY] ??= { map: new Map(), loadedAt: 0 };
  return store[KEY];
};

/** The links; when the database fails, the last ones read (the alerts view keeps working). */
export function incidentLinks(): Promise<IncidentLinks> {
  const s = state();
  if (Date.now() - s.loadedAt < MAX_AGE_MS) return Promise.resolve(s.map);
  s.loading ??= load()
    .then(
      (map) => {
        s.failing = false;
        s.map = sameLinks(s.map, map) ? s.map : map;
        s.loadedAt = Date.now();
        return s.map;
      },
      (error: unknown) => {
        if (!s.failing)
          console.warn(
            '[vigil] reading incident links failed; the alerts view shows the last known ones:',
            error,
          );
        s.failing = true;
        s.loadedAt = Date.now();
        return s.map;
      },
    )
    .finally(() => {
      s.loading = undefined;
    });
  return s.loading;
}

/** After this process opened, changed or resolved an incident: the next read goes to the database. */
export function invalidateIncidentLinks(): void {
  state().loadedAt = 0;
}

// Raw SQL, and the links re-read only when their version moved: at 10,000 alerts in incidents, a
// findMany of every link cost ~100 ms of Prisma's main-thread work each second a console was open.
async function load(): Promise<IncidentLinks> {
  const s = state();
  const [v] = await db().$queryRaw<{ version: string }[]>`
    SELECT concat_ws('/', count(*), max(a.added_at), max(i.updated_at), sum(i.number)) AS version
    FROM incident_alerts a JOIN incidents i ON i.id = a.incident_id
    WHERE i.status::text = ANY(${[...UNRESOLVED]}::text[])`;
  if (v && s.version === v.version) return s.map;
  const rows = await db().$queryRaw<
    { cluster: string; fingerprint: string; id: string; number: number; title: string }[]
  >`
    SELECT a.cluster, a.fingerprint, i.id, i.number, i.title
    FROM incident_alerts a JOIN incidents i ON i.id = a.incident_id
    WHERE i.status::text = ANY(${[...UNRESOLVED]}::text[])`;
  s.version = v?.version;
  return new Map(
    rows.map((r) => [ackKey(r.cluster, r.fingerprint), { id: r.id, ref: `INC-${r.number}`, title: r.title }]),
  );
}

/** The same map object when nothing changed keeps the alerts list's answer cache warm. */
function sameLinks(a: IncidentLinks, b: IncidentLinks): boolean {
  if (a.size !== b.size) return false;
  for (const [key, link] of b) {
    const old = a.get(key);
    if (!old || old.id !== link.id || old.title !== link.title) return false;
  }
  return true;
}
