import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

/**
 * Writes an audit row inside the caller's transaction, so a mutation and its audit entry commit or
 * fail together.
 */
export async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  target: string | null,
  details: Prisma.InputJsonValue = {},
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      via: actor.via,
      action,
      target,
      details,
      ip: actor.ip,
    },
  });
}

/** An audit row for what Vigil does by itself (the poller closing an acknowledgement, extending a silence). */
export async function auditSystem(
  tx: Tx,
  action: string,
  target: string | null,
  details: Prisma.InputJsonValue = {},
): Promise<void> {
  await tx.auditLog.create({ data: { via: 'system', action, target, details } });
}
