import { createPrismaClient } from '@/lib/db/client';
import { readableMessage, type SmtpSink, startSmtpSink } from '@/lib/notify/testing/sinks';
import type { SeedUser } from './seed-users';

/**
 * The demo's on-call set-up: team SRE of three people, a weekly rotation "sre-primary" handing off on
 * Mondays at 09:00 Europe/Brussels, a "leads" schedule, and a local SMTP server (Debian's aiosmtpd)
 * whose mail is printed on the demo's terminal. The schedules are written before the console starts,
 * so the start-up sync of VIGIL_CONFIG finds the slugs its levels L2 and L3 name (lib/escalation/policy.ts
 * resolves them once, at start).
 */

export const SRE_USERS: SeedUser[] = [
  { email: 'ana@vigil.local', password: 'vigil-ana-demo', role: 'responder', name: 'Ana (SRE)' },
  { email: 'ben@vigil.local', password: 'vigil-ben-demo', role: 'responder', name: 'Ben (SRE)' },
  { email: 'chloe@vigil.local', password: 'vigil-chloe-demo', role: 'responder', name: 'Chloé (SRE)' },
];
const LEAD = 'admin@vigil.local';
/** A Monday long past: the rotation's hand-offs are the Mondays since, at 09:00 in Brussels. */
const FIRST_MONDAY = '2026-01-05';

/** Writes the team and the two schedules (the users exist already: seedUsers made them). */
export async function seedOncall(databaseUrl: string): Promise<void> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    await prisma.$transaction(async (tx) => {
      const users = await tx.user.findMany({
        where: { email: { in: [...SRE_USERS.map((u) => u.email), LEAD] } },
        select: { id: true, email: true },
      });
      const id = (email: string) => {
        const user = users.find((u) => u.email === email);
        if (!user) throw new Error(`the demo user ${email} was not created`);
        return user.id;
      };
      const team = await tx.team.upsert({
        where: { slug: 'sre' },
        update: {},
        create: {
          slug: 'sre',
          name: 'SRE',
          description: 'Site reliability: first on call for every service of the demo.',
          members: {
            create: SRE_USERS.map((u, i) => ({ userId: id(u.email), isAdmin: i === 0 })),
          },
        },
      });
      const weekly = (name: string, emails: string[]) => ({
        position: 0,
        name,
        rotation: 'weekly',
        handoffTime: '09:00',
        timeZone: 'Europe/Brussels',
        startDate: FIRST_MONDAY,
        participants: { create: emails.map((email, i) => ({ userId: id(email), position: i })) },
      });
      for (const [slug, name, layer] of [
        [
          'sre-primary',
          'SRE primary',
          weekly(
            'Weekly',
            SRE_USERS.map((u) => u.email),
          ),
        ],
        ['leads', 'Leads', weekly('Lead of the week', [LEAD, SRE_USERS[0]?.email ?? LEAD])],
      ] as const) {
        if (await tx.schedule.findUnique({ where: { slug } })) continue;
        await tx.schedule.create({
          data: {
            slug,
            name,
            teamId: team.id,
            timeZone: 'Europe/Brussels',
            layers: { create: [layer] },
          },
        });
      }
    });
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * The demo's mail server: aiosmtpd on a free local port. Each message that arrives is printed as one
 * line (to, and the body's first line: the subject is MIME-encoded) every few seconds.
 */
export async function startDemoMail(
  log: (line: string) => void,
): Promise<{ port: number; close(): Promise<void> }> {
  const sink: SmtpSink = await startSmtpSink();
  let printed = 0;
  const timer = setInterval(() => {
    const messages = sink.messages();
    for (const message of messages.slice(printed))
      log(`mail to ${recipient(message)}: ${firstLine(message)}`);
    printed = messages.length;
  }, 2000);
  return {
    port: sink.port,
    close: async () => {
      clearInterval(timer);
      await sink.stop();
    },
  };
}

function recipient(message: string): string {
  return /^To: (.*)$/m.exec(message)?.[1]?.trim() ?? '?';
}

/** The body's first line ("INC-7 [critical] API down — escalated to L2 …"); headers end at a blank line. */
function firstLine(message: string): string {
  const [, ...blocks] = readableMessage(message).split(/\r?\n\r?\n/);
  // A multipart mail (text and HTML) opens with its boundary and the text part's headers: skip them.
  const body = blocks.slice(/^--\S+\r?\n/.test(blocks[0] ?? '') ? 1 : 0).join('\n');
  return (
    body
      .split(/\r?\n/)
      .find((l) => l.trim() !== '')
      ?.trim() ?? ''
  );
}
