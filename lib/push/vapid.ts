import 'server-only';
import webpush from 'web-push';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { derivedKey } from '@/lib/secrets/keys';
import { open, seal } from '@/lib/secrets/seal';

/**
 * The VAPID key pair (RFC 8292) that identifies this Vigil to push services. A browser's subscription is
 * bound to the public key it was made with, so the pair must never change by itself: it comes from
 * VIGIL_VAPID_PUBLIC_KEY/PRIVATE_KEY when set, else it is generated once and kept in the database (the
 * private key sealed with the contact-secrets key). Changing it means every device enables push again.
 */

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const PRIVATE_CONTEXT = 'push.vapid-private-key';
let stored: Promise<{ publicKey: string; privateKey: string }> | undefined;

/** The key pair and subject to sign pushes with (the private key stays on the server). */
export async function getVapidKeys(): Promise<VapidKeys> {
  const { VIGIL_VAPID_PUBLIC_KEY, VIGIL_VAPID_PRIVATE_KEY } = env();
  const pair =
    VIGIL_VAPID_PUBLIC_KEY && VIGIL_VAPID_PRIVATE_KEY
      ? { publicKey: VIGIL_VAPID_PUBLIC_KEY, privateKey: VIGIL_VAPID_PRIVATE_KEY }
      : await storedPair();
  return { ...pair, subject: await vapidSubject() };
}

/** What browsers subscribe with (PushManager.subscribe's applicationServerKey). */
export async function getVapidPublicKey(): Promise<string> {
  return (await getVapidKeys()).publicKey;
}

function storedPair() {
  stored ??= loadOrCreate().catch((error) => {
    stored = undefined; // a failed read (database down) is retried by the next caller
    throw error;
  });
  return stored;
}

async function loadOrCreate() {
  const fresh = webpush.generateVAPIDKeys();
  // Two instances starting together both try; ON CONFLICT DO NOTHING keeps the first, and both read it.
  await db().vapidKeys.createMany({
    data: [
      {
        id: 1,
        publicKey: fresh.publicKey,
        privateKey: seal(derivedKey('contact-secrets'), fresh.privateKey, PRIVATE_CONTEXT),
      },
    ],
    skipDuplicates: true,
  });
  const row = await db().vapidKeys.findUniqueOrThrow({ where: { id: 1 } });
  return {
    publicKey: row.publicKey,
    privateKey: open(derivedKey('contact-secrets'), row.privateKey, PRIVATE_CONTEXT),
  };
}

/**
 * Whom a push service contacts about our pushes: VIGIL_VAPID_SUBJECT, else the oldest enabled admin's
 * address (VIGIL_CONFIG has no public URL of the console yet to fall back on), else a placeholder that
 * push services accept but nobody reads — README tells operators to set the variable.
 */
async function vapidSubject(): Promise<string> {
  const configured = env().VIGIL_VAPID_SUBJECT;
  if (configured) return configured;
  const admin = await db().user.findFirst({
    where: { role: 'admin', disabledAt: null },
    orderBy: { createdAt: 'asc' },
    select: { email: true },
  });
  return `mailto:${admin?.email ?? 'vigil@localhost'}`;
}
