import 'server-only';
import { invalidateIncidentLinks } from '@/lib/alerts/incident-links';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { isAppError, isDatabaseError, UnavailableError, UpstreamError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * One mutation that spans PostgreSQL and Alertmanager, done so that it never half-happens.
 *
 * The Alertmanager call runs inside the database transaction, after the rows are locked and before the
 * commit: if Alertmanager refuses, nothing is committed; if the database fails after Alertmanager said
 * yes, the registered undo steps take the Alertmanager change back (a created silence is expired). Only
 * a commit that fails after every statement succeeded can leave an Alertmanager change without its
 * record; the undo covers that too.
 */

export type Tx = Prisma.TransactionClient;
export type Undo = (step: { what: string; run: () => Promise<void> }) => void;

/** Alertmanager calls inside take at most a few seconds each (a deadline per peer, two peers). */
const TX_OPTIONS = { maxWait: 5000, timeout: 30_000 } as const;

export async function mutate<T>(what: string, work: (tx: Tx, undo: Undo) => Promise<T>): Promise<T> {
  const undos: { what: string; run: () => Promise<void> }[] = [];
  try {
    const result = await db().$transaction((tx) => work(tx, (step) => undos.push(step)), TX_OPTIONS);
    // Most mutations open, change or resolve an incident: the alerts list shows the link at once.
    invalidateIncidentLinks();
    return result;
  } catch (error) {
    const leftovers = await runUndos(undos);
    if (leftovers.length > 0) {
      console.error(`[vigil] ${what} failed and could not be fully undone: ${leftovers.join('; ')}`, error);
      throw new UnavailableError(
        `${capitalise(what)} failed (${summarise(error)}) and Vigil could not take back: ${leftovers.join('; ')}. Do that by hand in Alertmanager.`,
      );
    }
    if (isAppError(error)) throw error;
    if (isDatabaseError(error)) {
      console.error(`[vigil] ${what} failed in PostgreSQL:`, error);
      throw new UnavailableError(
        `PostgreSQL did not save ${what} (${summarise(error)}), so nothing was changed${undos.length ? ' (Alertmanager was put back as it was)' : ''}. Try again once GET /api/health shows the database up.`,
      );
    }
    throw error;
  }
}

async function runUndos(undos: readonly { what: string; run: () => Promise<void> }[]): Promise<string[]> {
  const failed: string[] = [];
  for (const undo of [...undos].reverse()) {
    try {
      await undo.run();
    } catch {
      failed.push(undo.what);
    }
  }
  return failed;
}

/**
 * Records a mutation that Alertmanager refused (success: false), best effort: the refusal reaches the
 * user either way, and when the database is the thing that failed there is nowhere to write it.
 */
export async function auditFailure(
  actor: Actor | null,
  action: string,
  target: string | null,
  error: unknown,
): Promise<void> {
  if (!(error instanceof UpstreamError)) return;
  try {
    await db().auditLog.create({
      data: {
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? null,
        via: actor?.via ?? 'system',
        action,
        target,
        details: { error: error.message },
        ip: actor?.ip ?? null,
        success: false,
      },
    });
  } catch (auditError) {
    console.error(`[vigil] could not audit the failed ${action}:`, auditError);
  }
}

/** The last line of a Prisma message, which says what happened (the rest is the call site). */
function summarise(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? 'unknown error'
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
