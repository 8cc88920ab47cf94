import 'server-only';
import { db } from '@/lib/db';
import { decoyHash, verifyPassword } from './password';
import { SIGN_IN_WINDOW_MINUTES, signInBlocked } from './rate-limit';
import type { Role } from './roles';

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

export type CredentialsResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' | 'rate_limited' };

/**
 * Checks an e-mail and password, with the failed-attempt limit enforced before the password is even
 * hashed. Every attempt is recorded (in Postgres, so the limit holds across instances).
 */
export async function verifyCredentials(
  email: string,
  password: string,
  ip: string,
): Promise<CredentialsResult> {
  const normalized = email.trim().toLowerCase();
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const [emailFailures, ipFailures] = await Promise.all([
    db().signInAttempt.count({ where: { email: normalized, succeeded: false, createdAt: { gte: since } } }),
    db().signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (signInBlocked({ email: emailFailures, ip: ipFailures })) return { ok: false, reason: 'rate_limited' };

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
 * A GitHub/OIDC sign-in: the user is matched by verified e-mail and created on first sign-in with the
 * configured default role. Disabled users are refused.
 */
export async function userForExternalSignIn(email: string, name: string | null, defaultRole: Role) {
  const normalized = email.trim().toLowerCase();
  const user = await db().user.upsert({
    where: { email: normalized },
    update: { lastLoginAt: new Date() },
    create: { email: normalized, name, role: defaultRole, lastLoginAt: new Date() },
  });
  return user.disabledAt ? undefined : user;
}

/** The user as stored now (role changes and disabling take effect on the next request). */
export async function activeUser(id: string): Promise<SessionUser | undefined> {
  const user = await db().user.findUnique({ where: { id } });
  if (!user || user.disabledAt) return undefined;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
