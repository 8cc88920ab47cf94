import 'server-only';
import type { Actor, CliOperator } from '@/lib/auth/actor';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

/**
 * Writes an audit row inside the caller's transaction, so a mutation and its audit entry commit or
 * fail together. A row written by `npm run user` has no actor (no Vigil account acted): its details
 * name the operating-system user and host it ran as.
 */
export async function audit(
  tx: Tx,
  actor: Actor | CliOperator,
  action: string,
  target: string | null,
  details: Prisma.InputJsonObject = {},
): Promise<void> {
  await tx.auditLog.create({
    data:
      actor.via === 'cli'
        ? { via: 'cli', action, target, details: { ...details, osUser: actor.osUser, host: actor.host } }
        : {
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
