import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type FakePushService,
  startFakePushService,
  type TestBrowser,
} from '../lib/testing/fake-push-service';

/**
 * A FAKE push service for the e2e stack (lib/testing/fake-push-service.ts, which checks VAPID and
 * decrypts the RFC 8291 payload like a browser), served over https because the console, like real push
 * services, takes https endpoints only. The global set-up makes a self-signed certificate for 127.0.0.1
 * that the console trusts (NODE_EXTRA_CA_CERTS); a spec starts the service with it, since the decrypted
 * pushes are read in the spec's own process.
 */

/** Writes `push-service.key`/`.crt` in `dir` (openssl, valid two days) and returns their paths. */
export function writePushServiceCertificate(dir: string): { keyFile: string; certFile: string } {
  const keyFile = path.join(dir, 'push-service.key');
  const certFile = path.join(dir, 'push-service.crt');
  execFileSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  return { keyFile, certFile };
}

/** The fake push service on https with the global set-up's certificate (VIGIL_E2E_PUSH_TLS_KEY/CERT). */
export function startE2ePushService(browsers: () => Map<string, TestBrowser>): Promise<FakePushService> {
  const keyFile = process.env.VIGIL_E2E_PUSH_TLS_KEY;
  const certFile = process.env.VIGIL_E2E_PUSH_TLS_CERT;
  if (!keyFile || !certFile)
    throw new Error('VIGIL_E2E_PUSH_TLS_KEY/CERT are not set: run the specs through Playwright global setup');
  return startFakePushService(browsers, {
    key: readFileSync(keyFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
  });
}
