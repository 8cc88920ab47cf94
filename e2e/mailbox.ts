import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readableMessage, type SmtpSink } from '../lib/notify/testing/sinks';

/**
 * The e2e stack's mail: the SMTP sink (Debian's aiosmtpd) runs in Playwright's global set-up, and the
 * specs run in worker processes, so the set-up serves what the sink received on a local URL
 * (VIGIL_E2E_MAILBOX_URL) and specs read it with `mailbox()`.
 */

/** Serves `GET /` → the sink's messages as a JSON array (headers, then the body decoded). */
export async function serveMailbox(sink: SmtpSink): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(sink.messages().map(readableMessage)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every message the console has sent so far (`To: …`, `Subject: …`, then the body as text). */
export async function mailbox(): Promise<string[]> {
  const url = process.env.VIGIL_E2E_MAILBOX_URL;
  if (!url)
    throw new Error('VIGIL_E2E_MAILBOX_URL is not set: run the specs through Playwright global setup');
  return (await (await fetch(url)).json()) as string[];
}
