import 'server-only';
import { sharedValue } from '@/lib/cache/shared-value';
import { db } from '@/lib/db';
import { yieldToEventLoop } from '@/lib/event-loop';
import { ackKey } from './ack-overlay';
import type { IncidentLink, IncidentLinks } from './incident-overlay';

/**
 * Which unresolved incident each alert belongs to, as the alerts list and detail show it ("INC-3").
 * One indexed query (incidents by status, then their alerts) read at most once per second and at once
 * after this process changed an incident, so a busy alerts view never costs a query per alert or per
 * request. Another Vigil instance's change shows within that second.
 */

/** Unresolved: what createIncident's one-open-incident-per-alert rule also counts. */
const UNRESOLVED = ['open', 'acknowledged', 'mitigated'] as const;

/** The links, and what they looked like when read (count, newest link, newest incident change). */
type Links = { map: IncidentLinks; version?: string };

const links = sharedValue<Links>({
  key: 'incident-links',
  maxAgeMs: 1000,
  initial: { map: new Map() },
  load,
  what: 'the incident links (the alerts view shows the last known ones)',
});

/** The links; when the database fails, the last ones read (the alerts view keeps working). */
export const incidentLinks = async (): Promise<IncidentLinks> => (await links.get()).map;

/** After this process opened, changed or resolved an incident: the next read goes to the database. */
export const invalidateIncidentLinks = (): void => links.invalidate();

/** Links read per query: at 10,000 linked alerts, one query's rows took Prisma 13 ms and the map 14 more. */
const LINKS_PAGE = 2000;

type LinkRow = { incident_id: string; cluster: string; fingerprint: string };

// Raw SQL, and the links re-read only when their version moved: at 10,000 alerts in incidents, a
// findMany of every link cost ~100 ms of Prisma's main-thread work each second a console was open.
// The links go in pages (keyset on the primary key) with the event loop free between them, in one
// repeatable-read transaction so that the pages and the version are one snapshot.
async function load(current: Links): Promise<Links> {
  return db().$transaction(
    async (tx) => {
      const [v] = await tx.$queryRaw<{ version: string }[]>`
        SELECT concat_ws('/', count(*), max(a.added_at), max(i.updated_at), sum(i.number)) AS version
        FROM incident_alerts a JOIN incidents i ON i.id = a.incident_id
        WHERE i.status::text = ANY(${[...UNRESOLVED]}::text[])`;
      if (v && current.version === v.version) return current;
      const incidents = await tx.$queryRaw<{ id: string; number: number; title: string }[]>`
        SELECT id, number, title FROM incidents WHERE status::text = ANY(${[...UNRESOLVED]}::text[])`;
      const byId = new Map(
        incidents.map((i) => [i.id, { id: i.id, ref: `INC-${i.number}`, title: i.title }]),
      );
      const map = new Map<string, IncidentLink>();
      let after = { incidentId: '', fingerprint: '' };
      for (;;) {
        const page = await tx.$queryRaw<LinkRow[]>`
          SELECT a.incident_id, a.cluster, a.fingerprint
          FROM incident_alerts a JOIN incidents i ON i.id = a.incident_id
          WHERE i.status::text = ANY(${[...UNRESOLVED]}::text[])
            AND (a.incident_id, a.fingerprint) > (${after.incidentId}, ${after.fingerprint})
          ORDER BY a.incident_id, a.fingerprint
          LIMIT ${LINKS_PAGE}`;
        for (const row of page) {
          const link = byId.get(row.incident_id);
          if (link) map.set(ackKey(row.cluster, row.fingerprint), link);
        }
        const last = page.at(-1);
        if (!last || page.length < LINKS_PAGE) break;
        after = { incidentId: last.incident_id, fingerprint: last.fingerprint };
        await yieldToEventLoop();
      }
      // The same map object when nothing changed keeps the alerts list's answer cache warm.
      return { map: sameLinks(current.map, map) ? current.map : map, version: v?.version };
    },
    { isolationLevel: 'RepeatableRead' },
  );
}

function sameLinks(a: IncidentLinks, b: IncidentLinks): boolean {
  if (a.size !== b.size) return false;
  for (const [key, link] of b) {
    const old = a.get(key);
    if (!old || old.id !== link.id || old.title !== link.title) return false;
  }
  return true;
}
