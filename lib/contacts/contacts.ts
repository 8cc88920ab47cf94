import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { NotFoundError, sentence, ValidationError } from '@/lib/errors';
import type { ContactMethod } from '@/lib/generated/prisma/client';
import { destinationProblem } from '@/lib/net/destination';
import { DeliveryError } from '@/lib/notify/send';
import { derivedKey } from '@/lib/secrets/keys';
import { CONTACT_SECRET_CONTEXT, seal } from '@/lib/secrets/seal';
import type {
  ContactKind,
  ContactRow,
  ContactSettings,
  CreateContactInput,
  UpdateContactInput,
} from './contact-schemas';
import { contactDestinations } from './destination';
import { contactDisplay } from './display';
import { sendToContact } from './send';

/**
 * People's contact methods: each person lists, adds, changes, tests and deletes only their own; an admin
 * reads anyone's list (display strings only). Nothing here returns a sealed secret or its contents, and
 * the audit trail records kinds, labels and display strings, never settings.
 */

/** Enough for every device and chat a person uses; a bound so one account cannot fill the table. */
const MAX_METHODS = 20;

const DEFAULT_LABELS: Record<ContactKind, string> = {
  email: 'E-mail',
  slack: 'Slack',
  mattermost: 'Mattermost',
  teams: 'Microsoft Teams',
  ntfy: 'ntfy',
  sms: 'SMS',
  voice: 'Voice call',
};

const toRow = (m: ContactMethod): ContactRow => ({
  id: m.id,
  kind: m.kind,
  label: m.label,
  display: m.display,
  verifiedAt: m.verifiedAt?.toISOString() ?? null,
  lastTestAt: m.lastTestAt?.toISOString() ?? null,
  lastError: m.lastError,
  createdAt: m.createdAt.toISOString(),
});

export async function listMyContacts(actor: Actor): Promise<ContactRow[]> {
  assertRole(actor, 'viewer');
  return listOf(actor.id);
}

/** Anyone's methods, for an admin deciding whether a person can be reached. */
export async function listContactsOf(actor: Actor, userId: string): Promise<ContactRow[]> {
  assertRole(actor, 'admin');
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new NotFoundError(`No user "${userId}".`);
  return listOf(userId);
}

async function listOf(userId: string): Promise<ContactRow[]> {
  const rows = await db().contactMethod.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  return rows.map(toRow);
}

/** The URLs a person typed must pass the current allow-list; the problem is named on its field. */
function checkDestinations(s: ContactSettings, prefix = ''): void {
  const urls: [string, string | undefined][] =
    s.kind === 'slack' || s.kind === 'mattermost' || s.kind === 'teams'
      ? [['url', s.url]]
      : s.kind === 'ntfy'
        ? [['topicUrl', s.topicUrl]]
        : [];
  const policy = contactDestinations();
  for (const [field, url] of urls) {
    const problem = url ? destinationProblem(url, policy) : null;
    if (problem)
      throw new ValidationError(sentence(`The ${field} ${problem}`), { [`${prefix}${field}`]: problem });
  }
}

/** Settings as stored: the non-secret line, and the rest sealed (only the kind's own fields). */
const sealed = (s: ContactSettings) => ({
  display: contactDisplay(s),
  secret: seal(derivedKey('contact-secrets'), JSON.stringify(s), CONTACT_SECRET_CONTEXT),
});

export async function createContact(actor: Actor, input: CreateContactInput): Promise<ContactRow> {
  assertRole(actor, 'viewer');
  const { label, ...settings } = input;
  checkDestinations(settings);
  return db().$transaction(async (tx) => {
    const count = await tx.contactMethod.count({ where: { userId: actor.id } });
    if (count >= MAX_METHODS)
      throw new ValidationError(`You have ${count} contact methods, the most allowed; delete one first.`);
    const method = await tx.contactMethod.create({
      data: {
        userId: actor.id,
        kind: settings.kind,
        label: label ?? DEFAULT_LABELS[settings.kind],
        ...sealed(settings),
      },
    });
    await audit(tx, actor, 'contact_method.created', actor.email, {
      id: method.id,
      kind: method.kind,
      label: method.label,
      display: method.display,
    });
    return toRow(method);
  });
}

async function findMine(client: Pick<ReturnType<typeof db>, 'contactMethod'>, actor: Actor, id: string) {
  const method = await client.contactMethod.findFirst({ where: { id, userId: actor.id } });
  if (!method) throw new NotFoundError(`You have no contact method "${id}".`);
  return method;
}

/** New settings must keep the kind, and clear the verification: the new ones have not been tested. */
export async function updateContact(
  actor: Actor,
  id: string,
  input: UpdateContactInput,
): Promise<ContactRow> {
  assertRole(actor, 'viewer');
  if (input.settings) checkDestinations(input.settings, 'settings.');
  return db().$transaction(async (tx) => {
    const before = await findMine(tx, actor, id);
    if (input.settings && input.settings.kind !== before.kind)
      throw new ValidationError('A contact method keeps its kind; add a new one instead.', {
        'settings.kind': `must stay "${before.kind}"`,
      });
    const method = await tx.contactMethod.update({
      where: { id },
      data: {
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.settings ? { ...sealed(input.settings), verifiedAt: null, lastError: null } : {}),
      },
    });
    await audit(tx, actor, 'contact_method.updated', actor.email, {
      id,
      kind: method.kind,
      ...(input.label !== undefined ? { label: { from: before.label, to: method.label } } : {}),
      ...(input.settings ? { display: { from: before.display, to: method.display } } : {}),
    });
    return toRow(method);
  });
}

export async function deleteContact(actor: Actor, id: string): Promise<void> {
  assertRole(actor, 'viewer');
  await db().$transaction(async (tx) => {
    const method = await findMine(tx, actor, id);
    await tx.contactMethod.delete({ where: { id } });
    await audit(tx, actor, 'contact_method.deleted', actor.email, {
      id,
      kind: method.kind,
      label: method.label,
      display: method.display,
    });
  });
}

/**
 * "Send me a test": a test PageMessage sent now under the send deadline. A success verifies the method;
 * a failure keeps what went wrong on it (shown on the list until the next success). The send happens
 * outside any transaction, so a slow receiver holds no database connection.
 */
export async function testContact(
  actor: Actor,
  id: string,
  consoleOrigin: string,
): Promise<{ ok: boolean; message: string; method: ContactRow }> {
  assertRole(actor, 'viewer');
  const method = await findMine(db(), actor, id);
  let error: string | null = null;
  try {
    await sendToContact(method, {
      kind: 'test',
      title: 'Test from Vigil',
      text: `${actor.name ?? actor.email} asked for this test of "${method.label}". Pages to this contact method will arrive like this.`,
      openUrl: new URL('/people/me', consoleOrigin).toString(),
    });
  } catch (e) {
    if (!(e instanceof DeliveryError)) throw e;
    error = e.message;
  }
  const now = new Date();
  // Deleted while the test was on its way: updateMany touches nothing, and findMine says so.
  await db().contactMethod.updateMany({
    where: { id: method.id, userId: actor.id },
    data:
      error === null
        ? { lastTestAt: now, verifiedAt: now, lastError: null }
        : { lastTestAt: now, lastError: error },
  });
  const updated = await findMine(db(), actor, id);
  return { ok: error === null, message: error ?? 'Sent. Check that it arrived.', method: toRow(updated) };
}
