import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { decoyHash, verifyPassword } from './password';
import { SIGN_IN_FAILURES_CONSIDERED, signInBlocked } from './rate-limit';
import { ROLES, type Role } from './roles';

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

export type CredentialsResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' | 'rate_limited' };

/**
 * Checks an e-mail and password, with the failed-attempt limits (rate-limit.ts) enforced before the
 * password is even hashed. Every attempt is recorded (in Postgres, so the limits hold across instances);
 * a refused one is not, so an attacker cannot grow the table past the limits.
 */
export async function verifyCredentials(
  email: string,
  password: string,
  ip: string,
): Promise<CredentialsResult> {
  const normalized = email.trim().toLowerCase();
  const newestFailures = async (where: { email?: string; ip?: string }) =>
    (
      await db().signInAttempt.findMany({
        where: { ...where, succeeded: false },
        orderBy: { createdAt: 'desc' },
        take: SIGN_IN_FAILURES_CONSIDERED,
        select: { createdAt: true },
      })
    ).map((row) => row.createdAt);
  const [known, emailAtAddress, address, byEmail] = await Promise.all([
    db().signInAttempt.findFirst({ where: { email: normalized, ip, succeeded: true }, select: { id: true } }),
    newestFailures({ email: normalized, ip }),
    newestFailures({ ip }),
    newestFailures({ email: normalized }),
  ]);
  const history = { knownAddress: known !== null, failures: { emailAtAddress, address, email: byEmail } };
  if (signInBlocked(new Date(), history)) return { ok: false, reason: 'rate_limited' };

  const user = await db().user.findUnique({ where: { email: normalized } });
  // Hash even for an unknown user so response time does not reveal which e-mails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  const succeeded = Boolean(ok && user && !user.disabledAt);
  await db().signInAttempt.create({ data: { email: normalized, ip, succeeded } });
  if (!succeeded || !user) return { ok: false, reason: 'invalid' };
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

/**
 * The user as stored now (role changes and disabling take effect on the next request). Raw SQL: this
 * runs on every request with a session, where Prisma's query compiler would cost more than the query.
 */
export async function activeUser(id: string): Promise<SessionUser | undefined> {
  const [user] = await db().$queryRaw<
    (Omit<SessionUser, 'role'> & { role: string; disabledAt: Date | null })[]
  >`
    SELECT id, email, name, role::text AS role, disabled_at AS "disabledAt" FROM users WHERE id = ${id}`;
  if (!user || user.disabledAt) return undefined;
  return { id: user.id, email: user.email, name: user.name, role: z.enum(ROLES).parse(user.role) };
}
