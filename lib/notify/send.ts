import 'server-only';
import nodemailer from 'nodemailer';
import type { VigilConfig } from '@/lib/config/load';
import type { ChannelConfig, UpstreamAuth } from '@/lib/config/schema';
import { discordBody, emailMessage, type NotificationPayload, slackBody, webhookBody } from './message';

/**
 * Delivers one notification to one channel, or throws a DeliveryError. Webhook URLs are credentials
 * (Slack and Discord put the secret in the path), so no message here ever contains one: errors name the
 * channel, the HTTP status or the network error code only.
 */

export class DeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export type Smtp = VigilConfig['smtp'];

/**
 * The hard deadline of one send, connection to the last byte of the answer: a receiver that accepts the
 * connection, sends its headers and then never finishes the body is cut off here too. The outbox leases
 * a notification for longer than this (outbox.ts), so no other instance sends it while this one waits.
 */
export const SEND_DEADLINE_MS = 10_000;

export async function deliver(
  channel: ChannelConfig,
  smtp: Smtp,
  payload: NotificationPayload,
  deadlineMs: number = SEND_DEADLINE_MS,
): Promise<void> {
  const deadline = startDeadline(deadlineMs);
  try {
    switch (channel.type) {
      case 'slack':
        return await postJson(deadline, channel.url, slackBody(payload));
      case 'discord':
        return await postJson(deadline, channel.url, discordBody(payload));
      case 'webhook':
        return await postJson(deadline, channel.url, webhookBody(payload), channel.auth);
      case 'email':
        return await sendMail(deadline, channel.to, smtp, emailMessage(payload));
    }
  } finally {
    deadline.clear();
  }
}

type Deadline = {
  signal: AbortSignal;
  /** Rejects with a TimeoutError at the deadline; raced with every step of the send. */
  expired: Promise<never>;
  ms: number;
  clear(): void;
};

/**
 * One AbortController and a promise that rejects at the deadline, as in lib/upstreams/http.ts: not
 * AbortSignal.timeout (on Node 20 a combined signal can be collected mid-request and never abort a body
 * read), and the race because inside Next the abort alone does not always end a body read.
 */
function startDeadline(ms: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no complete answer within ${ms} ms`, 'TimeoutError')),
    ms,
  );
  const expired = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }),
  );
  expired.catch(() => {});
  return { signal: controller.signal, expired, ms, clear: () => clearTimeout(timer) };
}

/** A Basic or Bearer `authorization` header for a receiver's configured credentials. */
export function authorization(auth: UpstreamAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if (auth.type === 'bearer') return { authorization: `Bearer ${auth.token}` };
  return {
    authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
  };
}

async function postJson(deadline: Deadline, url: string, body: unknown, auth?: UpstreamAuth): Promise<void> {
  await post(deadline, url, {
    headers: { 'content-type': 'application/json', ...authorization(auth) },
    body: JSON.stringify(body),
  });
}

/**
 * One POST of a ready body under the send deadline, for senders that build their own request (people's
 * contact methods, lib/contacts/): the answer's text on a 2xx (Slack's Web API says `ok: false` in a
 * 200), a DeliveryError naming the status or network problem otherwise. Redirects are refused, so a
 * receiver cannot bounce the request (and its credentials) elsewhere.
 */
export async function postRequest(
  url: string,
  request: { headers: Record<string, string>; body: string },
  deadlineMs: number = SEND_DEADLINE_MS,
): Promise<string> {
  const deadline = startDeadline(deadlineMs);
  try {
    return await post(deadline, url, request);
  } finally {
    deadline.clear();
  }
}

async function post(
  deadline: Deadline,
  url: string,
  { headers, body }: { headers: Record<string, string>; body: string },
): Promise<string> {
  try {
    const response = await Promise.race([
      fetch(url, { method: 'POST', headers, body, signal: deadline.signal, redirect: 'error' }),
      deadline.expired,
    ]);
    // Read the body to its end (under the deadline) so the connection is released. A refusal's text may
    // echo the request, so it is not put in the error.
    const text = await Promise.race([readCapped(response), deadline.expired]);
    if (!response.ok) throw new DeliveryError(`the receiver answered HTTP ${response.status}`);
    return text;
  } catch (error) {
    if (error instanceof DeliveryError) throw error;
    throw new DeliveryError(networkProblem(error, deadline.ms));
  }
}

/**
 * The answer's text up to MAX_ANSWER_BYTES: people point their contact methods at any URL, and a
 * receiver that streams without end must not fill the server's memory (the rest is dropped, and with
 * it the connection).
 */
const MAX_ANSWER_BYTES = 64 * 1024;

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      break;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** "could not connect (ECONNREFUSED)", "no complete answer within 10 s": never the URL. */
function networkProblem(error: unknown, deadlineMs: number): string {
  const e = error as { name?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError') return `no complete answer within ${deadlineMs / 1000} s`;
  const code = e?.cause?.code;
  return code ? `could not connect (${code})` : 'could not connect';
}

/** An e-mail's subject and text, and an HTML alternative when links should be buttons. */
type MailContent = { subject: string; text: string; html?: string };

/** One e-mail under the send deadline, or a DeliveryError naming the SMTP server (never a secret). */
export async function sendEmail(
  smtp: Smtp,
  to: string[],
  message: MailContent,
  deadlineMs: number = SEND_DEADLINE_MS,
): Promise<void> {
  const deadline = startDeadline(deadlineMs);
  try {
    await sendMail(deadline, to, smtp, message);
  } finally {
    deadline.clear();
  }
}

async function sendMail(
  deadline: Deadline,
  to: string[],
  smtp: Smtp,
  { subject, text, html }: MailContent,
): Promise<void> {
  if (!smtp) throw new DeliveryError('no smtp: section in VIGIL_CONFIG');
  // nodemailer's own timeouts end a silent server (each is per step or per idle period); the race ends
  // one that answers slowly forever, and close() drops the connection.
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.username ? { user: smtp.username, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: deadline.ms,
    greetingTimeout: deadline.ms,
    socketTimeout: deadline.ms,
  });
  try {
    await Promise.race([transport.sendMail({ from: smtp.from, to, subject, text, html }), deadline.expired]);
  } catch (error) {
    const e = error as { code?: string; responseCode?: number; name?: string };
    if (e.name === 'TimeoutError')
      throw new DeliveryError(
        `SMTP ${smtp.host}:${smtp.port} did not take the message within ${deadline.ms / 1000} s`,
      );
    throw new DeliveryError(
      `SMTP ${smtp.host}:${smtp.port} refused the message (${e.responseCode ?? e.code ?? 'unknown error'})`,
    );
  } finally {
    transport.close();
  }
}
