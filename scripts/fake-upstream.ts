import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fake upstream for fault tests: it stands where Prometheus, an Alertmanager peer or Loki would and
 * misbehaves in one chosen way on every path, so a test can show that Vigil answers with a clear
 * upstream error within its deadline instead of hanging or failing with a 500.
 *
 *   const am = await startFakeUpstream({ kind: 'hang' });           // accepts, never answers
 *   const prom = await startFakeUpstream({ kind: 'answer', status: 200, body: '{' });
 *   // ALERTMANAGER_URLS=am.url … ; am.requests counts what Vigil asked; await am.close();
 *
 * Run alone: `npx tsx scripts/fake-upstream.ts hang 9999` (or `delay 9999 30000`,
 * `answer 9999 200 '{'`).
 */

export type FakeBehaviour =
  /** Accepts the connection and the request, never sends a byte back. */
  | { kind: 'hang' }
  /** Sends the headers at once, then trickles nothing: the body never ends. */
  | { kind: 'stall-body'; status?: number }
  /** Answers `{}` (or `body`) after `ms`. */
  | { kind: 'delay'; ms: number; status?: number; body?: string; contentType?: string }
  /** Answers at once with this status, body and content type (default application/json). */
  | { kind: 'answer'; status: number; body: string; contentType?: string };

export type FakeUpstream = {
  url: string;
  /** Requests received so far, as `METHOD /path`. */
  readonly requests: string[];
  close(): Promise<void>;
};

/** A proxy's error page, as nginx sends it in front of a stopped upstream. */
export const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export async function startFakeUpstream(behaviour: FakeBehaviour, port = 0): Promise<FakeUpstream> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(`${req.method} ${req.url?.split('?')[0]}`);
    // Drain the request body so the client's write completes and it waits for the answer.
    req.resume();
    switch (behaviour.kind) {
      case 'hang':
        return;
      case 'stall-body':
        res.writeHead(behaviour.status ?? 200, { 'content-type': 'application/json' });
        res.write('{"status":"success","data":');
        return;
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          res.writeHead(behaviour.status ?? 200, {
            'content-type': behaviour.contentType ?? 'application/json',
          });
          res.end(behaviour.body ?? '{}');
        }, behaviour.ms);
        timers.add(timer);
        return;
      }
      case 'answer':
        res.writeHead(behaviour.status, { 'content-type': behaviour.contentType ?? 'application/json' });
        res.end(behaviour.body);
        return;
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        // Hanging requests would keep close() waiting forever: drop their connections.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** `tsx scripts/fake-upstream.ts <hang|stall-body|delay|answer> <port> [ms | status body]` */
async function main(argv: string[]): Promise<void> {
  const [kind, portArg, a, b] = argv;
  const port = Number(portArg ?? 0);
  const behaviour: FakeBehaviour | undefined =
    kind === 'hang'
      ? { kind }
      : kind === 'stall-body'
        ? { kind }
        : kind === 'delay'
          ? { kind, ms: Number(a ?? 30_000) }
          : kind === 'answer'
            ? { kind, status: Number(a ?? 200), body: b ?? '{' }
            : undefined;
  if (!behaviour) {
    console.error(
      'usage: tsx scripts/fake-upstream.ts <hang|stall-body|delay|answer> <port> [ms | status body]',
    );
    process.exit(2);
  }
  const fake = await startFakeUpstream(behaviour, port);
  console.log(`fake upstream (${kind}) on ${fake.url}; Ctrl-C stops it`);
  process.once('SIGINT', () => void fake.close().then(() => process.exit(0)));
}

if (process.argv[1]?.endsWith('fake-upstream.ts')) void main(process.argv.slice(2));
