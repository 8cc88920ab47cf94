import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { insertTimelineRows } from './bulk-insert';
import { type TimelineEvent, timelineEventSchema } from './timeline-events';

/**
 * The only writer of `timeline_events`: every module that puts something on an incident's timeline
 * calls this inside its own transaction. The event is checked against its type's payload schema before
 * it is stored (a mismatch is a bug, and fails the transaction), so every stored row reads back as a
 * typed event and renders as a sentence (timeline.ts).
 *
 *   await recordEvent(tx, {incidentId, actorId: actor.id, type: 'note.added', data: {noteId, excerpt}})
 */

type Tx = Prisma.TransactionClient;

/** `at` defaults to now; `actorId` to none (Vigil itself). */
type EventRecord = TimelineEvent & { incidentId: string; at?: Date; actorId?: string | null };

const row = ({ incidentId, at, actorId, ...event }: EventRecord) => {
  const { type, data } = timelineEventSchema.parse(event);
  return { incidentId, type, at, actorId, data: data as Prisma.InputJsonObject };
};

/** Returns the stored event's id. */
export async function recordEvent(tx: Tx, event: EventRecord): Promise<bigint> {
  return (await tx.timelineEvent.create({ data: row(event), select: { id: true } })).id;
}

/** Several events in one insert (a batch of alerts firing, the changes of one incident edit), in order. */
export async function recordEvents(tx: Tx, events: readonly EventRecord[]): Promise<void> {
  const now = new Date();
  await insertTimelineRows(
    tx,
    events.map(row).map((r) => ({ ...r, at: r.at ?? now, actorId: r.actorId ?? null })),
  );
}
