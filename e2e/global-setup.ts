import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { alertmanagerStreams, startLokiReplay } from '../lib/loki/replay-server';
import { startSmtpSink } from '../lib/notify/testing/sinks';
import { seedUsers } from '../scripts/seed-users';
import { freePorts } from '../scripts/stack/ports';
import { startStack } from '../scripts/stack/start-stack';
import { startVigilServer, vigilEnvFor } from '../scripts/vigil-server';
import { serveMailbox } from './mailbox';
import { writePushServiceCertificate } from './push-service';
import { E2E_USERS } from './users';

/**
 * Starts the real stack (PostgreSQL, Prometheus, two Alertmanagers, exporters), an SMTP sink (Debian's
 * aiosmtpd) and the built console on free ports, seeds the test users, and hands the URLs to the tests
 * through the environment (Playwright workers inherit it). The console's VIGIL_CONFIG declares only the
 * SMTP server, so everything else keeps its defaults. The returned function stops everything.
 */
export default async function globalSetup(_config: FullConfig) {
  const [port] = await freePorts(1);
  if (!port) throw new Error('no free port');
  const webhookToken = randomBytes(24).toString('hex');
  const stack = await startStack({
    vigilUrl: `http://127.0.0.1:${port}`,
    webhookToken,
    log: (l) => console.log(l),
  });
  // e2e/reaching-people.spec.ts's fake push service is https (push endpoints must be): the console
  // trusts its self-signed certificate.
  const pushTls = writePushServiceCertificate(stack.dir);
  const smtp = await startSmtpSink();
  const mail = await serveMailbox(smtp);
  const configFile = path.join(stack.dir, 'vigil-e2e.yaml');
  writeFileSync(
    configFile,
    [
      '# Written by e2e/global-setup.ts: pages by e-mail reach the SMTP sink; contact methods may post to',
      '# local fakes over plain http (e2e/contact-methods.spec.ts starts a fake ntfy). Action links in',
      '# pages point at the console as the browser reaches it (a push notification acknowledges there).',
      `smtp: { host: 127.0.0.1, port: ${smtp.port}, secure: false, from: vigil@e2e.test }`,
      'contactMethods: { allowHttpHosts: ["127.0.0.1"] }',
      '# The fake push service (e2e/reaching-people.spec.ts) listens on loopback.',
      'push: { allowHosts: ["127.0.0.1"] }',
      `actions: { publicUrl: "http://127.0.0.1:${port}" }`,
      '',
    ].join('\n'),
  );
  const stopMail = async () => {
    await mail.close();
    await smtp.stop();
  };
  try {
    await seedUsers(stack.databaseUrl, Object.values(E2E_USERS));
    // Loki cannot be installed here: a replay of real Loki 2.8 answers stands in, giving the streams of
    // whatever alerts the harness's Alertmanager holds (see lib/loki/replay-server.ts).
    const loki = await startLokiReplay({
      rewrite: { streams: alertmanagerStreams(stack.alertmanagerUrls[0]) },
    });
    const server = await startVigilServer({
      port,
      logFile: path.join(stack.dir, 'logs', 'vigil.log'),
      // Every API answer is checked against its operation's schema: a mismatch is a 500 the specs see.
      // The specs stand in for a proxy on this machine: audit.spec.ts sends X-Forwarded-For as one would.
      env: {
        ...vigilEnvFor(stack),
        LOKI_URL: loki.url,
        VIGIL_LOKI_REPLAY: '1',
        VIGIL_CHECK_RESPONSES: '1',
        VIGIL_TRUSTED_PROXIES: '127.0.0.1/32',
        VIGIL_CONFIG: configFile,
        NODE_EXTRA_CA_CERTS: pushTls.certFile,
      },
    });
    process.env.VIGIL_E2E_BASE_URL = server.url;
    // Specs that need alerts of their own post them to the pair, as Prometheus would.
    process.env.VIGIL_E2E_ALERTMANAGER_URLS = stack.alertmanagerUrls.join(',');
    process.env.VIGIL_E2E_MAILBOX_URL = mail.url;
    process.env.VIGIL_E2E_PUSH_TLS_KEY = pushTls.keyFile;
    process.env.VIGIL_E2E_PUSH_TLS_CERT = pushTls.certFile;
    return async () => {
      await server.stop();
      await loki.close();
      await stopMail();
      await stack.stop();
    };
  } catch (error) {
    await stopMail();
    await stack.stop();
    throw error;
  }
}
