import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth';
import { db } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { StepProgressResponse, StepState } from '@/lib/runbooks/api-schema';
import { type LoadedRunbook, loadRunbook } from '@/lib/runbooks/load';
import { incidentLabel, parseIncidentRef } from './incident-ref';
import { recordEvent } from './record-event';

/**
 * Runbook steps followed during an incident: each check or uncheck is one RunbookStepProgress row per
 * (incident, runbook, step), a timeline event and an audit row, committed together. Viewers read,
 * responders check.
 */

export type IncidentRef = { id: string; number: number; title: string };

type Loader = (slug: string) => Promise<LoadedRunbook | undefined>;

/** The incident named by an id or `INC-<n>`, or null. */
export async function findIncident(actor: Actor, ref: string): Promise<IncidentRef | null> {
  assertRole(actor, 'viewer');
  const incident = await db().incident.findUnique({
    where: parseIncidentRef(ref),
    select: { id: true, number: true, title: true },
  });
  return incident;
}

/** The steps of `runbook` checked for this incident, by step id (unchecked ones are left out). */
export async function stepProgress(
  actor: Actor,
  incidentId: string,
  runbook: string,
): Promise<Record<string, StepState>> {
  assertRole(actor, 'viewer');
  const rows = await db().runbookStepProgress.findMany({
    where: { incidentId, runbook, uncheckedAt: null },
    include: { checkedBy: { select: { name: true, email: true } } },
  });
  return Object.fromEntries(
    rows.map((r) => [
      r.stepId,
      {
        stepId: r.stepId,
        checked: true,
        by: r.checkedBy.name || r.checkedBy.email,
        at: r.checkedAt.toISOString(),
      },
    ]),
  );
}

/**
 * Checks or unchecks a step for an incident. NotFoundError for an unknown runbook or incident,
 * ValidationError for a step the runbook does not have. Setting a step to the state it already has
 * changes nothing and adds no event, so a double click or two responders ticking the same step at
 * once leave one entry on the timeline.
 */
export async function setStepProgress(
  actor: Actor,
  input: { runbook: string; incidentId: string; stepId: string; checked: boolean },
  load: Loader = loadRunbook,
): Promise<StepProgressResponse> {
  assertRole(actor, 'responder');
  const runbook = await load(input.runbook);
  if (!runbook)
    throw new NotFoundError(`There is no runbook "${input.runbook}" (runbooks/${input.runbook}.mdx).`);
  const step = runbook.steps.find((s) => s.id === input.stepId);
  if (!step)
    throw new ValidationError(`The runbook "${runbook.slug}" has no step "${input.stepId}".`, {
      stepId: `unknown step; known: ${runbook.steps.map((s) => s.id).join(', ') || 'none'}`,
    });
  const ref = parseIncidentRef(input.incidentId);

  return db().$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: ref, select: { id: true, number: true } });
    if (!incident) throw new NotFoundError(`Incident ${input.incidentId} does not exist.`);
    // One change at a time per incident, so "already in that state" is decided on committed data.
    await tx.$queryRaw`SELECT id FROM incidents WHERE id = ${incident.id} FOR UPDATE`;
    const key = { incidentId: incident.id, runbook: runbook.slug, stepId: step.id };
    const current = await tx.runbookStepProgress.findUnique({
      where: { incidentId_runbook_stepId: key },
      include: { checkedBy: { select: { name: true, email: true } } },
    });
    const answer = (checked: boolean, by: string | null, at: Date): StepProgressResponse => ({
      runbook: runbook.slug,
      incidentId: incident.id,
      incident: incidentLabel(incident.number),
      stepId: step.id,
      checked,
      by,
      at: at.toISOString(),
    });
    const isChecked = Boolean(current && !current.uncheckedAt);
    if (isChecked === input.checked)
      return current
        ? answer(
            isChecked,
            isChecked ? current.checkedBy.name || current.checkedBy.email : null,
            current.uncheckedAt ?? current.checkedAt,
          )
        : answer(false, null, new Date());

    const now = new Date();
    if (input.checked)
      await tx.runbookStepProgress.upsert({
        where: { incidentId_runbook_stepId: key },
        create: { ...key, checkedById: actor.id, checkedAt: now },
        update: { checkedById: actor.id, checkedAt: now, uncheckedAt: null },
      });
    else
      await tx.runbookStepProgress.update({
        where: { incidentId_runbook_stepId: key },
        data: { uncheckedAt: now },
      });
    const type = input.checked ? 'runbook.step_checked' : 'runbook.step_unchecked';
    await recordEvent(tx, {
      incidentId: incident.id,
      type,
      at: now,
      actorId: actor.id,
      data: { runbook: runbook.slug, stepId: step.id, title: step.title },
    });
    await audit(tx, actor, type, incidentLabel(incident.number), { runbook: runbook.slug, stepId: step.id });
    return answer(input.checked, input.checked ? actor.name || actor.email : null, now);
  });
}
