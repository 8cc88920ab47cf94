import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { mttaSeconds, mttrSeconds } from '@/lib/incidents/incident-metrics';
import { incidentLabel, parseIncidentRef } from '@/lib/incidents/incident-ref';
import { timelineSentence } from '@/lib/incidents/timeline';
import { parseTimelineEvent } from '@/lib/incidents/timeline-events';
import { isoDay } from './format';
import { type PrefillInput, prefillSections } from './prefill';
import type { Postmortem, Sections } from './schemas';

/**
 * Reads an incident's post-mortem, or its pre-filled template when none is saved yet, with the
 * curated timeline and the action items, as the plain object the API and pages use. Reads the
 * incident's rows with Prisma directly (incidents, timeline_events, notes, incident_alerts), so it
 * depends on the schema only, not on the incidents module's code.
 */

type Client = Prisma.TransactionClient;

const personName = (u: { name: string | null; email: string } | null) => (u ? u.name || u.email : null);

const INCIDENT_SELECT = {
  id: true,
  number: true,
  title: true,
  severity: true,
  status: true,
  openedAt: true,
  acknowledgedAt: true,
  mitigatedAt: true,
  resolvedAt: true,
} as const;

export type IncidentRow = Prisma.IncidentGetPayload<{ select: typeof INCIDENT_SELECT }>;

/** The incident named by its id or `INC-<n>`; NotFoundError otherwise. */
export async function incidentByRef(client: Client, ref: string): Promise<IncidentRow> {
  const incident = await client.incident.findUnique({
    where: parseIncidentRef(ref),
    select: INCIDENT_SELECT,
  });
  if (!incident) throw new NotFoundError(`Incident ${ref} does not exist; check the number on /incidents.`);
  return incident;
}

/** What the template is filled from: linked alerts, timeline events and notes of the incident. */
export async function prefillInput(client: Client, incident: IncidentRow): Promise<PrefillInput> {
  const [alerts, events, notes] = await Promise.all([
    client.incidentAlert.findMany({ where: { incidentId: incident.id } }),
    timelineRows(client, incident.id),
    client.note.findMany({
      where: { incidentId: incident.id },
      orderBy: { createdAt: 'asc' },
      include: { author: { select: { name: true, email: true } } },
    }),
  ]);
  return {
    incident,
    alerts,
    events: events.flatMap((e) => {
      const event = parseTimelineEvent(e);
      return event ? [{ ...event, at: e.at, actor: personName(e.actor) }] : [];
    }),
    notes: notes.map((n) => ({ author: personName(n.author) ?? '', body: n.body, createdAt: n.createdAt })),
  };
}

function timelineRows(client: Client, incidentId: string) {
  return client.timelineEvent.findMany({
    where: { incidentId },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    include: { actor: { select: { name: true, email: true } } },
  });
}

export async function loadPostmortem(client: Client, incident: IncidentRow): Promise<Postmortem> {
  const [row, events] = await Promise.all([
    client.postmortem.findUnique({
      where: { incidentId: incident.id },
      include: {
        author: { select: { name: true, email: true } },
        actionItems: {
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          include: { owner: { select: { name: true, email: true } } },
        },
      },
    }),
    timelineRows(client, incident.id),
  ]);
  const sections: Sections = row
    ? {
        summary: row.summary,
        impact: row.impact,
        detection: row.detection,
        rootCause: row.rootCause,
        resolution: row.resolution,
        wentWell: row.wentWell,
        wentBadly: row.wentBadly,
      }
    : prefillSections(await prefillInput(client, incident));
  return {
    id: row?.id ?? null,
    saved: Boolean(row),
    status: row?.status ?? 'draft',
    incident: {
      id: incident.id,
      ref: incidentLabel(incident.number),
      number: incident.number,
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
      openedAt: incident.openedAt.toISOString(),
      resolvedAt: incident.resolvedAt?.toISOString() ?? null,
      mttaSeconds: mttaSeconds(incident),
      mttrSeconds: mttrSeconds(incident),
    },
    author: row ? personName(row.author) : null,
    sections,
    timeline: events.map((e) => ({
      id: e.id.toString(),
      at: e.at.toISOString(),
      type: e.type,
      actor: personName(e.actor),
      text: timelineSentence({ type: e.type, actor: personName(e.actor), data: e.data }),
      starred: e.starred,
      hidden: e.hidden,
    })),
    actionItems: (row?.actionItems ?? []).map((a) => ({
      id: a.id,
      title: a.title,
      ownerId: a.ownerId,
      owner: personName(a.owner),
      dueDate: a.dueDate ? isoDay(a.dueDate) : null,
      done: a.doneAt !== null,
      doneAt: a.doneAt?.toISOString() ?? null,
    })),
    createdAt: row?.createdAt.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    publishedAt: row?.publishedAt?.toISOString() ?? null,
  };
}
