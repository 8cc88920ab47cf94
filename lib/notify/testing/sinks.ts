import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import { freePorts } from '@/scripts/stack/ports';

/**
 * Real receivers for the notification tests: Debian's aiosmtpd as the SMTP server (its debugging
 * handler prints each message to stdout) and a node:http server standing in for Slack, Discord, Mattermost,
 * Teams, ntfy, SMS gateways and webhook receivers, whose answer the test controls per path.
 */

export type SmtpSink = { port: number; messages(): string[]; stop(): Promise<void> };

/** The Debian interpreter: the `python3` on PATH may be a pyenv without aiosmtpd. */
const PYTHON = '/usr/bin/python3';

export async function startSmtpSink(): Promise<SmtpSink> {
  const [port] = await freePorts(1);
  if (!port) throw new Error('no free port for the SMTP sink');
  const child: ChildProcess = spawn(PYTHON, ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`], {
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  await waitForPort(
    port,
    () => child.exitCode !== null,
    () => output,
  );
  return {
    port,
    messages: () =>
      output
        .split('---------- MESSAGE FOLLOWS ----------')
        .slice(1)
        .map((m) => m.split('------------ END MESSAGE ------------')[0] ?? ''),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A received message as a person reads it: a quoted-printable body (nodemailer's choice for text with
 * non-ASCII, such as an em dash; RFC 2045 6.7) decoded — soft line breaks joined, =XX bytes as UTF-8.
 * Headers stay as sent (a MIME-encoded subject stays encoded).
 */
export function readableMessage(raw: string): string {
  if (!/^Content-Transfer-Encoding: quoted-printable/im.test(raw)) return raw;
  const [headers = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest
    .join('\n\n')
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (bytes) => Buffer.from(bytes.replaceAll('=', ''), 'hex').toString('utf8'));
  return `${headers}\n\n${body}`;
}

async function waitForPort(port: number, exited: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`aiosmtpd exited: ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`aiosmtpd did not listen on ${port} within 15 s: ${output()}`);
}

type ReceivedRequest = {
  path: string;
  body: unknown;
  headers: IncomingMessage['headers'];
  status: number;
};

export type WebhookReceiver = {
  url: string;
  received: ReceivedRequest[];
  /** The status answered on a path (default 204), and a JSON body to answer with (an API's reply). */
  answer(path: string, status: number, body?: unknown): void;
  stop(): Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const statuses = new Map<string, { status: number; body?: unknown }>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const { status, body: reply } = statuses.get(path) ?? { status: 204 };
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = Buffer.concat(chunks).toString('utf8');
      }
      received.push({ path, body, headers: request.headers, status });
      response.statusCode = status;
      if (reply !== undefined) {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(reply));
      } else response.end(status >= 400 ? 'receiver says no' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    received,
    answer: (path, status, body) => statuses.set(path, { status, body }),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
