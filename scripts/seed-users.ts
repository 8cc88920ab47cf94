import path from 'node:path';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import { createPrismaClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';

export type SeedUser = { email: string; password: string; role: Role; name?: string };

/** Applies migrations and creates (or resets) the given users. For the demo and the e2e tests. */
export async function seedUsers(databaseUrl: string, users: SeedUser[]): Promise<void> {
  await applyMigrations(databaseUrl, path.join(process.cwd(), 'prisma', 'migrations'));
  const prisma = createPrismaClient(databaseUrl);
  try {
    for (const u of users) {
      const passwordHash = await hashPassword(u.password);
      await prisma.user.upsert({
        where: { email: u.email },
        update: { passwordHash, role: u.role, disabledAt: null },
        create: { email: u.email, name: u.name, role: u.role, passwordHash },
      });
    }
  } finally {
    await prisma.$disconnect();
  }
}
