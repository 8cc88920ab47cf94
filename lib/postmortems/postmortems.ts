import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import { mutate, type Tx } from '@/lib/incidents/mutation';
import { type IncidentRow, incidentByRef, loadPostmortem, prefillInput } from './load';
import { postmortemMarkdown } from './markdown';
import { prefillSections } from './prefill';
import {
  type ActionItemInput,
  type Curation,
  type Postmortem,
  type PostmortemPut,
  type PostmortemStatus,
  SECTION_KEYS,
  type Sections,
} from './schemas';
import { transitionProblem } from './status';

/**
 * Post-mortems: one per incident, pre-filled from its record, edited by responders, read by viewers.
 * Every change is written with its audit rows in one transaction. A published post-mortem is
 * read-only until an admin reopens it.
 */

/** `GET /api/v1/incidents/{id}/postmortem`: the saved post-mortem, or the pre-filled template (not saved). */
export async function getPostmortem(actor: Actor, ref: string): Promise<Postmortem> {
  assertRole(actor, 'viewer');
  return loadPostmortem(db(), await incidentByRef(db(), ref));
}

/** `GET /api/v1/incidents/{id}/postmortem.md`: the file name and the Markdown. */
export async function postmortemExport(
  actor: Actor,
  ref: string,
): Promise<{ filename: string; body: string }> {
  const pm = await getPostmortem(actor, ref);
  return { filename: `postmortem-${pm.incident.ref}.md`, body: postmortemMarkdown(pm) };
}

/**
 * `PUT /api/v1/incidents/{id}/postmortem`: creates the post-mortem from the template on the first
 * change, then applies sections, action items (the whole list), timeline curation and the status
 * change. ForbiddenError for viewers and for reopening without the admin role; ConflictError for a
 * change to a published post-mortem, or a status change that skips review.
 */
export async function savePostmortem(actor: Actor, ref: string, body: PostmortemPut): Promise<Postmortem> {
  assertRole(actor, 'responder');
  const incident = await incidentByRef(db(), ref);
  const target = incidentLabel(incident.number);
  await mutate('the post-mortem', async (tx) => {
    // One writer per post-mortem at a time, also for the very first save that creates it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`postmortem:${incident.id}`}))`;
    const row = await existingOrCreated(tx, actor, incident, target);
    const to = body.status ?? row.status;
    const problem = transitionProblem(row.status, to, actor.role);
    if (problem)
      throw problem.kind === 'forbidden'
        ? new ForbiddenError(problem.message)
        : new ConflictError(problem.message);
    if (row.status === 'published' && to === 'published' && changesContent(body))
      throw new ConflictError(
        `The post-mortem of ${target} is published and read-only; an admin reopens it to change it.`,
      );
    if (body.sections) await saveSections(tx, actor, row, body.sections, target);
    if (body.actionItems) await saveActionItems(tx, actor, row.id, body.actionItems, target);
    if (body.timeline) await curateTimeline(tx, actor, incident.id, body.timeline, target);
    if (to !== row.status) {
      await tx.postmortem.update({
        where: { id: row.id },
        data: { status: to, publishedAt: to === 'published' ? new Date() : null },
      });
      await audit(tx, actor, 'postmortem.status_changed', target, { from: row.status, to });
    }
  });
  return loadPostmortem(db(), incident);
}

const changesContent = (body: PostmortemPut) => Boolean(body.sections || body.actionItems || body.timeline);

type Row = { id: string; status: PostmortemStatus } & Sections;

async function existingOrCreated(tx: Tx, actor: Actor, incident: IncidentRow, target: string): Promise<Row> {
  const existing = await tx.postmortem.findUnique({ where: { incidentId: incident.id } });
  if (existing) return existing;
  const sections = prefillSections(await prefillInput(tx, incident));
  const created = await tx.postmortem.create({
    data: { incidentId: incident.id, authorId: actor.id, status: 'draft', ...sections },
  });
  await audit(tx, actor, 'postmortem.created', target, {});
  return created;
}

async function saveSections(
  tx: Tx,
  actor: Actor,
  row: Row,
  sections: Partial<Sections>,
  target: string,
): Promise<void> {
  const changed = SECTION_KEYS.filter((k) => sections[k] !== undefined && sections[k] !== row[k]);
  if (changed.length === 0) return;
  await tx.postmortem.update({
    where: { id: row.id },
    data: Object.fromEntries(changed.map((k) => [k, sections[k]])),
  });
  await audit(tx, actor, 'postmortem.updated', target, { sections: changed });
}

const dueDate = (day: string | null) => (day ? new Date(`${day}T00:00:00.000Z`) : null);

/** Replaces the action items with `items`: ids kept are updated, new ones created, the rest removed. */
async function saveActionItems(
  tx: Tx,
  actor: Actor,
  postmortemId: string,
  items: readonly ActionItemInput[],
  target: string,
): Promise<void> {
  const current = await tx.actionItem.findMany({ where: { postmortemId } });
  const byId = new Map(current.map((a) => [a.id, a]));
  const fields: Record<string, string> = {};
  items.forEach((item, i) => {
    if (item.id && !byId.has(item.id))
      fields[`actionItems.${i}.id`] = 'not an action item of this post-mortem';
  });
  const ownerIds = [...new Set(items.flatMap((a) => (a.ownerId ? [a.ownerId] : [])))];
  const owners = new Set(
    (await tx.user.findMany({ where: { id: { in: ownerIds }, disabledAt: null }, select: { id: true } })).map(
      (u) => u.id,
    ),
  );
  items.forEach((item, i) => {
    if (item.ownerId && !owners.has(item.ownerId))
      fields[`actionItems.${i}.ownerId`] = 'no such user, or the user is disabled';
  });
  if (Object.keys(fields).length) throw new ValidationError('Some action items are invalid.', fields);

  const now = new Date();
  const kept = new Set(items.flatMap((a) => (a.id ? [a.id] : [])));
  const removed = current.filter((a) => !kept.has(a.id));
  let added = 0;
  let updated = 0;
  if (removed.length) await tx.actionItem.deleteMany({ where: { id: { in: removed.map((a) => a.id) } } });
  for (const item of items) {
    const before = item.id ? byId.get(item.id) : undefined;
    const data = {
      title: item.title,
      ownerId: item.ownerId,
      dueDate: dueDate(item.dueDate),
      // Done keeps the time it was first ticked; unticking clears it.
      doneAt: item.done ? (before?.doneAt ?? now) : null,
    };
    if (!before) {
      await tx.actionItem.create({ data: { ...data, postmortemId } });
      added++;
    } else if (
      before.title !== data.title ||
      before.ownerId !== data.ownerId ||
      before.dueDate?.getTime() !== data.dueDate?.getTime() ||
      (before.doneAt === null) !== (data.doneAt === null)
    ) {
      await tx.actionItem.update({ where: { id: before.id }, data });
      updated++;
    }
  }
  if (added || updated || removed.length)
    await audit(tx, actor, 'postmortem.action_items_changed', target, {
      added,
      updated,
      removed: removed.map((a) => a.title),
    });
}

async function curateTimeline(
  tx: Tx,
  actor: Actor,
  incidentId: string,
  curation: readonly Curation[],
  target: string,
): Promise<void> {
  const ids = curation.map((c) => BigInt(c.id));
  const events = await tx.timelineEvent.findMany({
    where: { id: { in: ids }, incidentId },
    select: { id: true, starred: true, hidden: true },
  });
  const byId = new Map(events.map((e) => [e.id.toString(), e]));
  const fields: Record<string, string> = {};
  curation.forEach((c, i) => {
    if (!byId.has(c.id)) fields[`timeline.${i}.id`] = 'not an event of this incident';
  });
  if (Object.keys(fields).length) throw new ValidationError('Some timeline events are unknown.', fields);
  const changes: { id: string; starred?: boolean; hidden?: boolean }[] = [];
  for (const c of curation) {
    const event = byId.get(c.id);
    if (!event) continue;
    const data = {
      ...(c.starred !== undefined && c.starred !== event.starred ? { starred: c.starred } : {}),
      ...(c.hidden !== undefined && c.hidden !== event.hidden ? { hidden: c.hidden } : {}),
    };
    if (Object.keys(data).length === 0) continue;
    await tx.timelineEvent.update({ where: { id: event.id }, data });
    changes.push({ id: c.id, ...data });
  }
  if (changes.length) await audit(tx, actor, 'postmortem.timeline_curated', target, { changes });
}
