import 'server-only';
import { type Matcher, matchesLabels } from '@/lib/alertmanager/matchers';
import { matcherSchema } from '@/lib/alertmanager/schemas';
import { formatSilenceMatchers, fromSilenceMatcher } from '@/lib/alertmanager/silence-format';
import type { PrismaClient } from '@/lib/db/client';
import { yieldToEventLoop } from '@/lib/event-loop';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import type { HistoryFiring } from './api-schema';
import { durationSeconds, type Firing } from './firings';

/**
 * Silence records read per page at most: the silences made through Vigil during the page's span. A
 * team makes a few a day; the bound keeps a page over a year of them from reading thousands.
 */
const MAX_SILENCES = 1000;

type SilenceRow = {
  id: string;
  cluster: string;
  silenceId: string;
  matchers: unknown;
  startsAt: Date;
  endsAt: Date;
  expiredAt: Date | null;
  createdBy: { name: string | null; email: string };
};

/**
 * The page's firings with who acknowledged them, the Vigil silences that covered them (the
 * acknowledgement's own, and every silence record of the cluster whose matchers match the firing's
 * labels while both were active) and the incidents that took them. Three queries for the page.
 */
export async function attachContext(
  client: PrismaClient,
  firings: readonly Firing[],
  now: Date,
): Promise<HistoryFiring[]> {
  if (firings.length === 0) return [];
  const fingerprints = [...new Set(firings.map((f) => f.fingerprint))];
  const spanStart = new Date(Math.min(...firings.map((f) => f.startsAt.getTime())));
  const spanEnd = new Date(Math.max(...firings.map((f) => (f.endsAt ?? now).getTime())));
  const silenceSelect = {
    id: true,
    cluster: true,
    silenceId: true,
    matchers: true,
    startsAt: true,
    endsAt: true,
    expiredAt: true,
    createdBy: { select: { name: true, email: true } },
  } as const;
  const [acks, silences, links] = await Promise.all([
    client.acknowledgement.findMany({
      where: { fingerprint: { in: fingerprints } },
      select: {
        fingerprint: true,
        alertStartsAt: true,
        createdAt: true,
        user: { select: { name: true, email: true } },
        silence: { select: silenceSelect },
      },
      orderBy: { createdAt: 'asc' },
    }),
    client.silenceRecord.findMany({
      where: {
        cluster: { in: [...new Set(firings.map((f) => f.cluster))] },
        startsAt: { lte: spanEnd },
        endsAt: { gte: spanStart },
      },
      select: silenceSelect,
      orderBy: { startsAt: 'desc' },
      take: MAX_SILENCES,
    }),
    client.incidentAlert.findMany({
      where: { fingerprint: { in: fingerprints } },
      select: {
        fingerprint: true,
        startsAt: true,
        incident: { select: { number: true, title: true, status: true } },
      },
    }),
  ]);
  const parsedSilences = silences.map((s) => ({ row: s, matchers: silenceMatchers(s.matchers) }));
  const out: HistoryFiring[] = [];
  for (const firing of firings) {
    // Matching every silence's RE2 matchers against each firing is the costly part: yield between firings.
    await yieldToEventLoop();
    const end = firing.endsAt ?? now;
    const own = acks.filter(
      (a) => a.fingerprint === firing.fingerprint && sameTime(a.alertStartsAt, firing.startsAt),
    );
    const covering = new Map<string, SilenceRow>();
    for (const ack of own) if (ack.silence) covering.set(ack.silence.id, ack.silence);
    for (const { row, matchers } of parsedSilences)
      if (
        row.cluster === firing.cluster &&
        overlaps(row.startsAt, row.expiredAt ?? row.endsAt, firing.startsAt, end) &&
        matchers.length > 0 &&
        matchesLabels(matchers, firing.labels)
      )
        covering.set(row.id, row);
    out.push({
      fingerprint: firing.fingerprint,
      cluster: firing.cluster,
      alertname: firing.alertname,
      labels: firing.labels,
      startsAt: firing.startsAt.toISOString(),
      endsAt: firing.endsAt?.toISOString() ?? null,
      durationSeconds: durationSeconds(firing, now),
      status: firing.status,
      acknowledgedBy: own.map((a) => ({ name: personName(a.user), at: a.createdAt.toISOString() })),
      silences: [...covering.values()].map((s) => ({
        id: s.silenceId,
        matchers: formatSilenceMatchers(matcherSchema.array().catch([]).parse(s.matchers)),
        createdBy: personName(s.createdBy),
        startsAt: s.startsAt.toISOString(),
        endsAt: (s.expiredAt ?? s.endsAt).toISOString(),
      })),
      incidents: links
        .filter(
          (l) =>
            l.fingerprint === firing.fingerprint &&
            l.startsAt.getTime() >= firing.startsAt.getTime() &&
            l.startsAt.getTime() <= end.getTime(),
        )
        .map((l) => ({
          ref: incidentLabel(l.incident.number),
          title: l.incident.title,
          status: l.incident.status,
        })),
    });
  }
  return out;
}

/** A record's stored matchers as filter matchers; a record that fails the schema matches nothing. */
function silenceMatchers(stored: unknown): Matcher[] {
  return matcherSchema.array().catch([]).parse(stored).map(fromSilenceMatcher);
}

const sameTime = (a: Date, b: Date) => a.getTime() === b.getTime();

const overlaps = (aStart: Date, aEnd: Date, bStart: Date, bEnd: Date) =>
  aStart.getTime() <= bEnd.getTime() && bStart.getTime() <= aEnd.getTime();

const personName = (user: { name: string | null; email: string }) => user.name || user.email;
