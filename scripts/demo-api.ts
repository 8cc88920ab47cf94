import { createServer, type Server } from 'node:http';

/**
 * The demo's "api" service. The harness points Prometheus' `api` job at a port nobody answers, so
 * InstanceDown fires; in the demo the user can start this stand-in on that port to fix the cause and
 * watch the alert resolve, and an acknowledgement of it close with its silence by itself.
 */
export function demoApi(targetUrl: string) {
  const { hostname, port } = new URL(targetUrl);
  let server: Server | undefined;
  return {
    get running() {
      return server !== undefined;
    },
    async start(): Promise<void> {
      if (server) return;
      const started = createServer((req, res) => {
        if (req.url !== '/metrics') {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(
          '# HELP demo_api_up The demo api stand-in answers.\n# TYPE demo_api_up gauge\ndemo_api_up 1\n',
        );
      });
      await new Promise<void>((resolve, reject) => {
        started.once('error', reject);
        started.listen(Number(port), hostname, resolve);
      });
      server = started;
    },
    async stop(): Promise<void> {
      const running = server;
      server = undefined;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
    },
  };
}
