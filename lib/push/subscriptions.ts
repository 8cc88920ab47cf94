import 'server-only';
import { createHash } from 'node:crypto';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { NotFoundError, sentence, ValidationError } from '@/lib/errors';
import type { PushSubscription as Row } from '@/lib/generated/prisma/client';
import { log } from '@/lib/log';
import { resolvedDestinationProblem } from '@/lib/net/destination';
import { derivedKey } from '@/lib/secrets/keys';
import { open, SealedValueError, seal } from '@/lib/secrets/seal';
import { pushDestinations } from './destination';
import type { PushDevice, RegisterPush } from './push-schemas';
import type { PushTarget } from './send';

/**
 * The browsers a person receives Web Push pages on. Endpoint and keys are sealed at rest
 * (lib/secrets/seal.ts); the endpoint's SHA-256 finds the row of a browser that registers again (the same
 * browser re-subscribing, or a device handed to another person, which then moves to them).
 */

const key = () => derivedKey('contact-secrets');
const endpointHash = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex');

/** A subscription ready to send to: `sendPush(sub.target, message, …)`. */
export type LoadedSubscription = { id: string; userId: string; label: string; target: PushTarget };

/** Registers (or refreshes) this browser for `userId`; input validated by registerPushSchema. */
export async function saveSubscription(actor: Actor, input: RegisterPush): Promise<PushDevice> {
  assertRole(actor, 'viewer');
  const problem = await resolvedDestinationProblem(input.endpoint, pushDestinations());
  if (problem) throw new ValidationError(sentence(`The push endpoint ${problem}`), { endpoint: problem });
  const sealed = {
    endpoint: seal(key(), input.endpoint, 'push.endpoint'),
    p256dh: seal(key(), input.keys.p256dh, 'push.p256dh'),
    auth: seal(key(), input.keys.auth, 'push.auth'),
    label: input.label || 'This browser',
  };
  return db().$transaction(async (tx) => {
    const row = await tx.pushSubscription.upsert({
      where: { endpointHash: endpointHash(input.endpoint) },
      create: { userId: actor.id, endpointHash: endpointHash(input.endpoint), ...sealed },
      // A new subscription starts with a clean record.
      update: { userId: actor.id, ...sealed, failures: 0, lastError: null },
    });
    await audit(tx, actor, 'push_subscription.saved', actor.email, { id: row.id, label: row.label });
    return device(row);
  });
}

export async function listSubscriptions(actor: Actor): Promise<PushDevice[]> {
  assertRole(actor, 'viewer');
  const rows = await db().pushSubscription.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(device);
}

export async function removeSubscription(actor: Actor, id: string): Promise<void> {
  assertRole(actor, 'viewer');
  await db().$transaction(async (tx) => {
    const { count } = await tx.pushSubscription.deleteMany({ where: { id, userId: actor.id } });
    if (count === 0)
      throw new NotFoundError(`No push device ${id} of yours: it may have been removed already`);
    await audit(tx, actor, 'push_subscription.removed', actor.email, { id });
  });
}

/** A person's subscriptions, decrypted, to send a page to (the paging side of issue 16 calls this). */
export async function loadSubscriptions(userId: string): Promise<LoadedSubscription[]> {
  const rows = await db().pushSubscription.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  return rows.flatMap((row) => {
    try {
      return [loaded(row)];
    } catch (error) {
      // Sealed under another AUTH_SECRET: unusable, but one such row must not stop the others.
      if (!(error instanceof SealedValueError)) throw error;
      log.warn({ subscriptionId: row.id }, 'push subscription unreadable (AUTH_SECRET changed?): skipped');
      return [];
    }
  });
}

/** One of the caller's own subscriptions, decrypted ("send a test"). */
export async function loadOwnSubscription(actor: Actor, id: string): Promise<LoadedSubscription> {
  assertRole(actor, 'viewer');
  const row = await db().pushSubscription.findFirst({ where: { id, userId: actor.id } });
  if (!row) throw new NotFoundError(`No push device ${id} of yours: enable push on this device again`);
  return loaded(row);
}

function loaded(row: Row): LoadedSubscription {
  return {
    id: row.id,
    userId: row.userId,
    label: row.label,
    target: {
      endpoint: open(key(), row.endpoint, 'push.endpoint'),
      keys: { p256dh: open(key(), row.p256dh, 'push.p256dh'), auth: open(key(), row.auth, 'push.auth') },
    },
  };
}

function device(row: Row): PushDevice {
  return {
    id: row.id,
    label: row.label,
    service: serviceHost(row),
    createdAt: row.createdAt.toISOString(),
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    lastError: row.lastError,
    failures: row.failures,
  };
}

/** The push service's host; a row sealed under an old AUTH_SECRET still lists (so it can be removed). */
function serviceHost(row: Row): string {
  try {
    return new URL(open(key(), row.endpoint, 'push.endpoint')).host;
  } catch (error) {
    if (error instanceof SealedValueError) return 'unreadable: enable push on this device again';
    throw error;
  }
}
