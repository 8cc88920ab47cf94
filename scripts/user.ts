// `npm run user -- create --email ops@example.com --role admin [--name "Ops"]`
// `npm run user -- set-password --email ops@example.com`
// `npm run user -- list`
// `npm run user -- disable ops@example.com` / `enable ops@example.com`
// The password comes from VIGIL_PASSWORD or, when unset, a prompt that does not echo.
// Every change goes through the data layer (lib/admin/users.ts) and is audited as the command line:
// disable/enable through updateUser, as /admin and PATCH /api/v1/users/{id} do, so the account stops (or
// works again) exactly as from the console; create and set-password with their own audit entries. That layer is marked server-only:
// package.json runs this file with Node's `react-server` condition, under which `server-only` is empty.
import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createUser, setPassword, updateUser } from '@/lib/admin/users';
import type { CliOperator } from '@/lib/auth/actor';
import { hashPassword, MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { ROLES } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { createPrismaClient } from '@/lib/db/client';
import { runtimeState } from '@/lib/db/runtime';
import { cliEnv } from '@/lib/env';
import { withDatabase } from './cli-database';
import { promptHidden } from './prompt';

const USAGE = `usage:
  npm run user -- create --email EMAIL --role viewer|responder|admin [--name NAME]
  npm run user -- set-password --email EMAIL
  npm run user -- list
  npm run user -- disable EMAIL
  npm run user -- enable EMAIL
The password is read from VIGIL_PASSWORD, or asked for when that is unset.
A disabled account cannot sign in, and its sessions and API tokens stop at their next request; enable
gives them back. Every change but list is audited (via cli, with this machine's user and host name).`;

/** Who ran the command, for the audit log: the operating-system account (its uid when it has no name). */
function cliOperator(): CliOperator {
  let osUser: string;
  try {
    osUser = userInfo().username;
  } catch {
    // A container's uid often has no passwd entry, and userInfo() then throws.
    osUser = `uid ${process.getuid?.() ?? 'unknown'}`;
  }
  return { via: 'cli', osUser, host: hostname() };
}

/** The data layer's db() on this command's database, which the server's start-up sets for it otherwise. */
async function withDataLayer(fn: () => Promise<void>): Promise<void> {
  await withDatabase(async (url) => {
    runtimeState().databaseUrl = url;
    try {
      await fn();
    } finally {
      await db().$disconnect();
    }
  });
}

/** `disable EMAIL` / `enable EMAIL`: refuses an unknown e-mail and an account already in that state. */
async function setDisabled(email: string, disabled: boolean): Promise<void> {
  const word = disabled ? 'disabled' : 'enabled';
  await withDataLayer(async () => {
    const user = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
    if (!user) throw new Error(`no user with the e-mail ${email} (npm run user -- list shows them)`);
    const { email: stored, changed } = await updateUser(cliOperator(), { userId: user.id, disabled });
    if (changed.length === 0) throw new Error(`${stored} is already ${word}; nothing changed`);
    console.log(
      disabled
        ? `disabled ${stored}: they cannot sign in, and their sessions and API tokens stop at their next request`
        : `enabled ${stored}: they can sign in again, and their API tokens not revoked or expired work again`,
    );
  });
}

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
    await withDataLayer(async () => {
      const user = await createUser(cliOperator(), { ...input, passwordHash });
      console.log(`created ${user.email} (${user.role})`);
    });
  } else if (command === 'set-password') {
    const { email } = z.object({ email: z.email() }).parse(values);
    const passwordHash = await hashPassword(await readPassword());
    await withDataLayer(async () => {
      await setPassword(cliOperator(), { email, passwordHash });
      console.log(`password of ${email} changed`);
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
  } else if ((command === 'disable' || command === 'enable') && positionals.length === 2) {
    const { email } = z.object({ email: z.email() }).parse({ email: positionals[1] });
    await setDisabled(email, command === 'disable');
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
  else console.error(error.message);
  process.exit(1);
});
