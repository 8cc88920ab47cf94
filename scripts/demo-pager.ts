import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * The demo's chat and pager: a local receiver for Vigil's escalation notifications that prints each
 * one on the demo's terminal, and the VIGIL_CONFIG that points the escalation levels at it and at the
 * on-call people of the demo's schedules (by e-mail, through the demo's SMTP server) with short delays,
 * so a demo user sees a critical alert's incident escalate within minutes.
 */
export async function startDemoPager(
  dir: string,
  smtpPort: number,
  consolePort: number,
  log: (line: string) => void,
): Promise<{ configFile: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      log(`${req.url === '/chat' ? 'chat' : 'pager'}: ${oneLine(body)}`);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const configFile = path.join(dir, 'vigil-demo.yaml');
  writeFileSync(
    configFile,
    `# Written by npm run demo: escalation to a local receiver and a local SMTP server, both printed on
# the demo's terminal. L2 and L3 page whoever is on call on the schedules sre-primary and leads.
channels:
  - { name: demo-chat, type: slack, url: "http://127.0.0.1:${port}/chat" }
  - { name: demo-pager, type: webhook, url: "http://127.0.0.1:${port}/pager" }
smtp: { host: 127.0.0.1, port: ${smtpPort}, secure: false, from: vigil@vigil.local }
# Pages carry signed Acknowledge/Open links to the console at this address.
actions: { publicUrl: "http://localhost:${consolePort}" }
escalation:
  levels:
    - { level: 1, name: L1 automatic chat message, delay: 0s, targets: [demo-chat] }
    - { level: 2, name: L2 on-call SRE, delay: 2m, schedules: [sre-primary] }
    - { level: 3, name: L3 lead engineer, delay: 4m, schedules: [leads] }
    - { level: 4, name: L4 CTO, delay: 6m, targets: [demo-pager] }
`,
  );
  return { configFile, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Slack's `text`, or the generic webhook's incident and level, in one line. */
function oneLine(body: string): string {
  try {
    const json = JSON.parse(body) as {
      text?: string;
      incident?: { number?: number; title?: string };
      level?: { level?: number; name?: string };
    };
    if (json.text) return json.text;
    if (json.incident)
      return `INC-${json.incident.number} ${json.incident.title ?? ''} — ${json.level?.name ?? `level ${json.level?.level}`}`;
  } catch {
    // Not JSON: show it as it came.
  }
  return body.slice(0, 200);
}
