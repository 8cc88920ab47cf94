import 'server-only';
import { postSilence } from '@/lib/alertmanager/client';
import { writeWithFailover } from '@/lib/alertmanager/cluster';
import { MatcherSyntaxError, parseFilter } from '@/lib/alertmanager/matchers';
import type { SilenceInput } from '@/lib/alertmanager/schemas';
import { formatSilenceMatchers } from '@/lib/alertmanager/silence-matchers';
import { invalidateAcks } from '@/lib/alerts/ack-state';
import { currentAlertIndex } from '@/lib/alerts/query';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { config } from '@/lib/config/current';
import { db } from '@/lib/db';
import { ConflictError, ValidationError } from '@/lib/errors';
import { refreshSilences, sources } from '@/lib/snapshots/sources';
import { clusterNamed, expireKnownSilence } from './cluster-peers';
import { auditFailure, mutate, type Tx } from './mutation';
import { recordEvent } from './record-event';
import { type SilenceBody, type SilencePreviewBody, type SilenceUpdate, silenceTimes } from './silence-input';
import {
  attentionCounts,
  filterSilences,
  needsAttention,
  type SilenceRecordInfo,
  type SilenceRow,
  silencedCounts,
  silenceRows,
  sortSilences,
} from './silence-list';
import { locateSilence } from './silence-lookup';
import { previewSilence, type SilencePreview } from './silence-preview';
import { parseMatchersField, silenceRequestOf } from './silence-request';
import type { SilenceSaved, SilencesAnswer, SilencesQuery } from './silence-schemas';

/**
 * Alertmanager silences managed from Vigil: created, edited (keeping whichever id Alertmanager answers),
 * expired and listed, each mutation audited and kept in step with its record in PostgreSQL (see
 * mutation.ts for how a failure on either side leaves nothing half-done). Every function checks the
 * role itself.
 */

const target = (cluster: string, id: string) => `${cluster}/${id}`;

/** `POST /api/v1/silences`. */
export async function createSilence(actor: Actor, input: SilenceBody): Promise<SilenceSaved> {
  assertRole(actor, 'responder');
  const request = silenceRequestOf(input, new Date());
  const { cluster, peers } = clusterNamed(request.cluster);
  const body: SilenceInput = {
    matchers: request.matchers,
    startsAt: request.startsAt.toISOString(),
    endsAt: request.endsAt.toISOString(),
    createdBy: actor.email,
    comment: request.comment,
  };
  try {
    const saved = await mutate('the silence', async (tx, undo) => {
      const incidentId = await checkIncident(tx, request.incidentId);
      const { result: silenceId } = await writeWithFailover(peers, (p) => postSilence(p, body));
      undo({ what: `expire silence ${silenceId}`, run: () => expireKnownSilence(peers, silenceId) });
      const record = await tx.silenceRecord.create({
        data: {
          cluster: cluster.name,
          silenceId,
          previousIds: [],
          matchers: request.matchers,
          startsAt: request.startsAt,
          endsAt: request.endsAt,
          comment: request.comment,
          createdById: actor.id,
          incidentId,
        },
      });
      const details = {
        matchers: formatSilenceMatchers(request.matchers),
        endsAt: body.endsAt,
        comment: body.comment,
      };
      await audit(tx, actor, 'silence.created', target(cluster.name, silenceId), details);
      if (incidentId)
        await recordEvent(tx, {
          incidentId,
          type: 'silence.created',
          actorId: actor.id,
          data: { silenceId, ...details },
        });
      return { id: record.id, silenceId, cluster: cluster.name };
    });
    await refreshSilences(cluster.name);
    return saved;
  } catch (error) {
    await auditFailure(actor, 'silence.created', target(cluster.name, 'new'), error);
    throw error;
  }
}

/**
 * `PUT /api/v1/silences/{id}` (our id or Alertmanager's, also an earlier one): edit or extend. Fields
 * left out keep their values. Alertmanager keeps the id when only the end or comment changes and issues
 * a new one (expiring the old) when the matchers or the start change; the id it answers is the one kept,
 * with the earlier ids on the record. A silence made elsewhere gets a record from its first edit here.
 */
export async function updateSilence(actor: Actor, id: string, body: SilenceUpdate): Promise<SilenceSaved> {
  assertRole(actor, 'responder');
  const record = await findRecord(db(), id);
  const { cluster, peers, silence } = await locateSilence(
    record?.silenceId ?? id,
    record?.cluster ?? body.cluster,
  );
  if (silence.state === 'expired')
    throw new ConflictError(
      'This silence has expired and cannot be edited; re-create it with the same matchers.',
    );
  const now = new Date();
  const matchers = body.matchers === undefined ? silence.matchers : parseMatchersField(body.matchers);
  const current = { startsAt: new Date(silence.startsAt), endsAt: new Date(silence.endsAt) };
  const times = silenceTimes(body, now, current);
  const update: SilenceInput = {
    id: silence.id,
    matchers,
    // Sending the start Alertmanager holds, unchanged, is what lets it update an active silence in place.
    startsAt: body.startsAt === undefined ? silence.startsAt : times.startsAt.toISOString(),
    endsAt: times.endsAt.toISOString(),
    createdBy: actor.email,
    comment: body.comment ?? silence.comment,
  };
  const where = target(cluster.name, silence.id);
  try {
    const saved = await mutate('the silence change', async (tx) => {
      if (record) await lockRecord(tx, record.id);
      const incidentId =
        body.incidentId === undefined
          ? (record?.incidentId ?? null)
          : await checkIncident(tx, body.incidentId);
      const { result: newId } = await writeWithFailover(peers, (p) => postSilence(p, update));
      const data = {
        silenceId: newId,
        matchers,
        startsAt: new Date(update.startsAt),
        endsAt: times.endsAt,
        comment: update.comment,
        incidentId,
      };
      const previousIds =
        newId === silence.id ? (record?.previousIds ?? []) : [...(record?.previousIds ?? []), silence.id];
      const saved = record
        ? await tx.silenceRecord.update({ where: { id: record.id }, data: { ...data, previousIds } })
        : await tx.silenceRecord.create({
            data: { ...data, cluster: cluster.name, previousIds, createdById: actor.id },
          });
      const details = {
        from: silence.id,
        to: newId,
        matchers: formatSilenceMatchers(matchers),
        endsAt: update.endsAt,
      };
      await audit(tx, actor, 'silence.updated', where, details);
      if (incidentId)
        await recordEvent(tx, { incidentId, type: 'silence.updated', actorId: actor.id, data: details });
      return {
        id: saved.id,
        silenceId: newId,
        cluster: cluster.name,
        ...(newId === silence.id ? {} : { previousId: silence.id }),
      };
    });
    await refreshSilences(cluster.name);
    return saved;
  } catch (error) {
    await auditFailure(actor, 'silence.updated', where, error);
    throw error;
  }
}

/**
 * `DELETE /api/v1/silences/{id}`: expires it in Alertmanager (which keeps it, expired, for its
 * retention). Expiring an acknowledgement's silence ends that acknowledgement too.
 */
export async function expireSilenceById(
  actor: Actor,
  id: string,
  clusterName?: string,
): Promise<SilenceSaved> {
  assertRole(actor, 'responder');
  const record = await findRecord(db(), id);
  const { cluster, peers, silence } = await locateSilence(
    record?.silenceId ?? id,
    record?.cluster ?? clusterName,
  );
  const where = target(cluster.name, silence.id);
  try {
    const saved = await mutate('expiring the silence', async (tx) => {
      const now = new Date();
      if (record) await lockRecord(tx, record.id);
      await expireKnownSilence(peers, silence.id);
      if (record) {
        await tx.silenceRecord.update({ where: { id: record.id }, data: { expiredAt: now } });
        await tx.acknowledgement.updateMany({
          where: { silenceId: record.id, clearedAt: null },
          data: { clearedAt: now, clearedById: actor.id, clearedReason: 'expired' },
        });
      }
      const details = { matchers: formatSilenceMatchers(silence.matchers), createdBy: silence.createdBy };
      await audit(tx, actor, 'silence.expired', where, details);
      if (record?.incidentId)
        await recordEvent(tx, {
          incidentId: record.incidentId,
          type: 'silence.expired',
          actorId: actor.id,
          data: { silenceId: silence.id, ...details },
        });
      return { id: record?.id ?? silence.id, silenceId: silence.id, cluster: cluster.name };
    });
    await refreshSilences(cluster.name);
    invalidateAcks();
    return saved;
  } catch (error) {
    await auditFailure(actor, 'silence.expired', where, error);
    throw error;
  }
}

/** `GET /api/v1/silences`: every silence of every cluster (or one), filtered. Viewer and above. */
export async function listSilences(actor: Actor, query: SilencesQuery): Promise<SilencesAnswer> {
  assertRole(actor, 'viewer');
  const filter = parseSilenceFilter(query.filter);
  const [{ index }, records] = await Promise.all([currentAlertIndex(), silenceRecords()]);
  const hygiene = silenceHygiene();
  const counts = silencedCounts(index.alerts.map((a) => a.item));
  const clusters: SilencesAnswer['clusters'] = [];
  const rows: SilenceRow[] = [];
  for (const [name, source] of sources().clusters) {
    if (query.cluster !== undefined && name !== query.cluster) continue;
    const view = await source.get();
    clusters.push({
      name,
      fetchedAt: view.updatedAt === undefined ? null : new Date(view.updatedAt).toISOString(),
      error: view.error?.message ?? null,
    });
    rows.push(
      ...silenceRows(view.data?.silences ?? [], name, counts, records.get(name) ?? [], Date.now(), hygiene),
    );
  }
  const tally = { active: 0, pending: 0, expired: 0 };
  const matching = filterSilences(rows, { ...filter, creator: query.creator });
  for (const row of matching) tally[row.state]++;
  const shown = filterSilences(matching, { ...filter, state: query.state });
  const { attention } = query;
  return {
    silences: sortSilences(attention ? shown.filter((row) => needsAttention(row, attention)) : shown),
    counts: tally,
    attention: attentionCounts(matching),
    clusters,
  };
}

/** VIGIL_CONFIG's `silences` times, as silence-list.ts takes them. */
function silenceHygiene() {
  const { expiringSoonSeconds, longLivedSeconds } = config().silences;
  return { expiringSoonMs: expiringSoonSeconds * 1000, longLivedMs: longLivedSeconds * 1000 };
}

function parseSilenceFilter(text: string) {
  try {
    return parseFilter(text);
  } catch (error) {
    if (error instanceof MatcherSyntaxError)
      throw new ValidationError('The filter is not valid.', { filter: error.message });
    throw error;
  }
}

/**
 * `POST /api/v1/silences/preview`: the alerts these matchers would silence now. Viewer and above
 * (it changes nothing).
 */
export async function previewSilenceMatchers(
  actor: Actor,
  body: SilencePreviewBody,
): Promise<SilencePreview> {
  assertRole(actor, 'viewer');
  const matchers = parseMatchersField(body.matchers);
  const { cluster } = clusterNamed(body.cluster);
  const { index } = await currentAlertIndex();
  return previewSilence(
    matchers,
    index.alerts.filter((a) => a.item.cluster === cluster.name),
  );
}

/** Vigil's records, per cluster, of silences that may still be listed (Alertmanager keeps expired ones 5 days). */
async function silenceRecords(): Promise<Map<string, SilenceRecordInfo[]>> {
  const since = new Date(Date.now() - 6 * 86_400_000);
  const rows = await db().silenceRecord.findMany({
    where: { OR: [{ expiredAt: null }, { expiredAt: { gte: since } }], endsAt: { gte: since } },
    select: {
      id: true,
      cluster: true,
      silenceId: true,
      previousIds: true,
      incident: { select: { id: true, number: true } },
      acknowledgement: { select: { id: true } },
    },
  });
  const byCluster = new Map<string, SilenceRecordInfo[]>();
  for (const r of rows) {
    const list = byCluster.get(r.cluster) ?? [];
    list.push({
      id: r.id,
      silenceId: r.silenceId,
      previousIds: r.previousIds,
      incident: r.incident,
      ackId: r.acknowledgement?.id ?? null,
    });
    byCluster.set(r.cluster, list);
  }
  return byCluster;
}

type Db = Pick<Tx, 'silenceRecord'>;

/** The record of a silence by our id, its current Alertmanager id, or an earlier one. */
function findRecord(client: Db, id: string) {
  return client.silenceRecord.findFirst({
    where: { OR: [{ id }, { silenceId: id }, { previousIds: { has: id } }] },
  });
}

async function lockRecord(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM silence_records WHERE id = ${id} FOR UPDATE`;
}

async function checkIncident(tx: Tx, incidentId: string | undefined): Promise<string | null> {
  if (incidentId === undefined) return null;
  const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!incident)
    throw new ValidationError('No such incident.', { incidentId: `no incident with id ${incidentId}` });
  return incident.id;
}
