import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { OnCallShift } from './shifts';
import type { Shift } from './types';

/** Names and e-mails of users, to turn computed shifts (user ids) into what people read. */

type Client = Prisma.TransactionClient | PrismaClient;
export type Person = { name: string | null; email: string };

export async function peopleById(client: Client, ids: Iterable<string>): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await client.user.findMany({
    where: { id: { in: unique } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, { name: u.name, email: u.email }]));
}

/** A computed shift as the API answers it. */
export const shiftRow = (shift: Shift, people: ReadonlyMap<string, Person>) => ({
  userId: shift.userId,
  name: people.get(shift.userId)?.name ?? null,
  start: shift.start.toISOString(),
  end: shift.end.toISOString(),
  source: shift.source,
});

/** "On call now until …" as the API answers it; null when nobody is. */
export function onCallRow(shift: OnCallShift | null | undefined, people: ReadonlyMap<string, Person>) {
  if (!shift) return null;
  const person = people.get(shift.userId);
  return {
    userId: shift.userId,
    name: person?.name ?? null,
    email: person?.email ?? '',
    since: shift.start.toISOString(),
    until: shift.end.toISOString(),
    continues: shift.continues,
    source: shift.source.kind,
  };
}
