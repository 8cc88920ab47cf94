import 'server-only';
import { formatSilenceMatchers } from '@/lib/alertmanager/silence-matchers';
import { currentAlertIndex } from '@/lib/alerts/query';
import { auditSystem } from '@/lib/audit';
import { config } from '@/lib/config/current';
import { db } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { endsSoon, silencedCounts } from '@/lib/incidents/silence-list';
import { log } from '@/lib/log';
import { type Loop, startLoop } from '@/lib/loop';
import { sources } from '@/lib/snapshots/sources';
import { sendEmail } from './send';
import { silenceReminderMessage } from './silence-reminder-text';

/**
 * Reminds the person who made a silence in Vigil, by e-mail, before it ends while it still mutes
 * firing alerts (VIGIL_CONFIG `silences.expiringSoon`, default 1 h ahead): once per end time, so an
 * extended silence earns a new reminder. Acknowledgement silences are left out: Vigil extends those
 * itself while their alert fires. Every instance runs the pass; the record's `reminded_for_ends_at`,
 * set by one conditional UPDATE before sending, makes one of them send. A failed send puts it back, so
 * the next pass tries again. Silences made elsewhere (amtool) have no known creator and get none.
 */

const MINUTE_MS = 60_000;

type Candidate = {
  cluster: string;
  silenceId: string;
  endsAt: Date;
  matchers: string;
  comment: string;
  alerts: number;
};

/** One pass; returns the silences whose creators were reminded, as "<cluster>/<silence id>". */
export async function remindExpiringSilencesOnce(
  options: { client?: PrismaClient; now?: Date } = {},
): Promise<string[]> {
  const client = options.client ?? db();
  const now = options.now ?? new Date();
  const { smtp, silences } = config();
  if (!smtp) return [];
  const candidates = await expiringSilences(now, silences.expiringSoonSeconds * 1000);
  const reminded: string[] = [];
  for (const c of candidates) {
    const [claimed] = await client.$queryRaw<
      { id: string; previous: Date | null; email: string; disabled: boolean }[]
    >`
      WITH before AS (
        SELECT r.id, r.reminded_for_ends_at AS previous FROM silence_records r
        WHERE r.cluster = ${c.cluster} AND r.silence_id = ${c.silenceId} AND r.expired_at IS NULL
          AND r.reminded_for_ends_at IS DISTINCT FROM ${c.endsAt}
          AND NOT EXISTS (SELECT 1 FROM acknowledgements a WHERE a.silence_record_id = r.id)
        FOR UPDATE SKIP LOCKED)
      UPDATE silence_records r SET reminded_for_ends_at = ${c.endsAt}
      FROM before, users u
      WHERE r.id = before.id AND u.id = r.created_by_id
      RETURNING r.id, before.previous, u.email, u.disabled_at IS NOT NULL AS disabled`;
    if (!claimed || claimed.disabled) continue;
    try {
      await sendEmail(smtp, [claimed.email], silenceReminderMessage(c));
      await auditSystem(client, 'silence.reminder_sent', `${c.cluster}/${c.silenceId}`, {
        to: claimed.email,
        endsAt: c.endsAt.toISOString(),
      });
      reminded.push(`${c.cluster}/${c.silenceId}`);
    } catch (error) {
      await client.silenceRecord.update({
        where: { id: claimed.id },
        data: { remindedForEndsAt: claimed.previous },
      });
      log.warn(
        { event: 'silence.reminder_failed', silence: `${c.cluster}/${c.silenceId}` },
        `Reminding the creator of silence ${c.cluster}/${c.silenceId} failed; retrying in a minute: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return reminded;
}

/** Active silences in the snapshots that still mute firing alerts and end soon (endsSoon). */
async function expiringSilences(now: Date, withinMs: number): Promise<Candidate[]> {
  const { index } = await currentAlertIndex();
  const counts = silencedCounts(index.alerts.map((a) => a.item));
  const found: Candidate[] = [];
  for (const [cluster, source] of sources().clusters) {
    const view = await source.get();
    for (const s of view.data?.silences ?? []) {
      const alerts = counts.get(s.id) ?? 0;
      if (!endsSoon(s, alerts, now.getTime(), withinMs)) continue;
      const endsAt = new Date(s.endsAt);
      found.push({
        cluster,
        silenceId: s.id,
        endsAt,
        matchers: formatSilenceMatchers(s.matchers),
        comment: s.comment,
        alerts,
      });
    }
  }
  return found;
}

const KEY = Symbol.for('vigil.silence-reminders');
const store = globalThis as unknown as Record<symbol, Loop | undefined>;

/** Starts the reminder pass in this process (lib/server/startup.ts), every minute. */
export function startSilenceReminders(): Loop {
  const existing = store[KEY];
  if (existing) return existing;
  const loop = startLoop('silence reminders', MINUTE_MS, () => remindExpiringSilencesOnce());
  store[KEY] = loop;
  return loop;
}
