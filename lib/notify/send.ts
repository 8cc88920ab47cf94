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

/** Well below the outbox worker's transaction timeout, so a slow receiver cannot outlive its row lock. */
const SEND_TIMEOUT_MS = 10_000;

export async function deliver(
  channel: ChannelConfig,
  smtp: Smtp,
  payload: NotificationPayload,
): Promise<void> {
  switch (channel.type) {
    case 'slack':
      return postJson(channel.url, slackBody(payload));
    case 'discord':
      return postJson(channel.url, discordBody(payload));
    case 'webhook':
      return postJson(channel.url, webhookBody(payload), channel.auth);
    case 'email':
      return sendMail(channel.to, smtp, payload);
  }
}

function authorization(auth: UpstreamAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if (auth.type === 'bearer') return { authorization: `Bearer ${auth.token}` };
  return {
    authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
  };
}

async function postJson(url: string, body: unknown, auth?: UpstreamAuth): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization(auth) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    throw new DeliveryError(networkProblem(error));
  }
  // Drain the body so the connection is released; its text may echo the request, so it is not kept.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new DeliveryError(`the receiver answered HTTP ${response.status}`);
}

/** "connection refused (ECONNREFUSED)", "timed out after 10 s": never the URL. */
function networkProblem(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError') return `timed out after ${SEND_TIMEOUT_MS / 1000} s`;
  const code = e?.cause?.code;
  return code ? `could not connect (${code})` : 'could not connect';
}

async function sendMail(to: string[], smtp: Smtp, payload: NotificationPayload): Promise<void> {
  if (!smtp) throw new DeliveryError('no smtp: section in VIGIL_CONFIG');
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.username ? { user: smtp.username, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  const { subject, text } = emailMessage(payload);
  try {
    await transport.sendMail({ from: smtp.from, to, subject, text });
  } catch (error) {
    const e = error as { code?: string; responseCode?: number };
    throw new DeliveryError(
      `SMTP ${smtp.host}:${smtp.port} refused the message (${e.responseCode ?? e.code ?? 'unknown error'})`,
    );
  } finally {
    transport.close();
  }
}
