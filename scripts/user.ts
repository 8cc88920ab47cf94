// `npm run user -- create --email ops@example.com --role admin [--name "Ops"]`
// `npm run user -- set-password --email ops@example.com`
// `npm run user -- list`
// The password comes from VIGIL_PASSWORD or, when unset, a prompt that does not echo.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword, MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { ROLES } from '@/lib/auth/roles';
import { createPrismaClient } from '@/lib/db/client';
import { cliEnv } from '@/lib/env';
import { withDatabase } from './cli-database';
import { promptHidden } from './prompt';

const USAGE = `usage:
  npm run user -- create --email EMAIL --role viewer|responder|admin [--name NAME]
  npm run user -- set-password --email EMAIL
  npm run user -- list
The password is read from VIGIL_PASSWORD, or asked for when that is unset.`;

const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `the password must be at least ${MIN_PASSWORD_LENGTH} characters` });

async function readPassword(): Promise<string> {
  const password = cliEnv().password ?? (await promptHidden('Password: '));
  return passwordSchema.parse(password);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  });
  const command = positionals[0];
  if (command === 'create') {
    const input = z
      .object({ email: z.email(), role: z.enum(ROLES), name: z.string().optional() })
      .parse(values);
    const passwordHash = await hashPassword(await readPassword());
    await withDatabase(async (url) => {
      const prisma = createPrismaClient(url);
      try {
        const user = await prisma.user.create({
          data: { email: input.email.toLowerCase(), role: input.role, name: input.name, passwordHash },
        });
        console.log(`created ${user.email} (${user.role})`);
      } finally {
        await prisma.$disconnect();
      }
    });
  } else if (command === 'set-password') {
    const { email } = z.object({ email: z.email() }).parse(values);
    const passwordHash = await hashPassword(await readPassword());
    await withDatabase(async (url) => {
      const prisma = createPrismaClient(url);
      try {
        await prisma.user.update({ where: { email: email.toLowerCase() }, data: { passwordHash } });
        console.log(`password of ${email} changed`);
      } finally {
        await prisma.$disconnect();
      }
    });
  } else if (command === 'list') {
    await withDatabase(async (url) => {
      const prisma = createPrismaClient(url);
      try {
        for (const u of await prisma.user.findMany({ orderBy: { email: 'asc' } }))
          console.log(`${u.email}\t${u.role}${u.disabledAt ? '\tdisabled' : ''}`);
      } finally {
        await prisma.$disconnect();
      }
    });
  } else {
    console.error(USAGE);
    process.exit(2);
  }
}

main().catch((error: Error) => {
  if (error instanceof z.ZodError)
    console.error(error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n'));
  else if ((error as { code?: string }).code === 'P2002')
    console.error('a user with that e-mail already exists');
  else if ((error as { code?: string }).code === 'P2025') console.error('no user with that e-mail');
  else console.error(error.message);
  process.exit(1);
});
