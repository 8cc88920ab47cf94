import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A FAKE Web Push service for tests: a local HTTP server standing in for FCM/autopush (which cannot run
 * here), plus a test "browser" that owns a subscription's keys. It checks what a real push service and
 * browser check, written from the RFCs with node:crypto only (independent of web-push):
 * - RFC 8292 VAPID: `Authorization: vapid t=<JWT>, k=<public key>`, the ES256 signature verified with
 *   k, `aud` = the endpoint's origin, `exp` in the future and at most 24 h away, `sub` mailto:/https:;
 * - RFC 8030: TTL, Urgency, Topic headers;
 * - RFC 8291 / RFC 8188: `Content-Encoding: aes128gcm`, the body decrypted with the browser's private
 *   key and auth secret (ECDH, HKDF for IKM, CEK and nonce, AES-128-GCM, the 0x02 padding delimiter).
 * A push that fails a check is answered 400 and recorded with its problem, so a test sees why.
 * With `tls` it serves https, as every real push service does: the e2e console accepts https endpoints
 * only and trusts the test certificate (e2e/push-service.ts).
 */

export type TestBrowser = {
  /** What PushManager.subscribe() would hand the page (keys URL-safe base64). */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  decrypt(body: Buffer): Buffer;
};

/** A browser's push keys (P-256 key pair and 16-byte auth secret) subscribed at `endpoint`. */
export function testBrowser(endpoint: string): TestBrowser {
  const ecdh = createECDH('prime256v1');
  const uaPublic = ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    subscription: {
      endpoint,
      keys: { p256dh: uaPublic.toString('base64url'), auth: authSecret.toString('base64url') },
    },
    decrypt(body) {
      // RFC 8188 header: salt(16) | rs(4) | idlen(1) | keyid(idlen) — the keyid is the sender's public key.
      const salt = body.subarray(0, 16);
      const rs = body.readUInt32BE(16);
      const idlen = body[20] as number;
      const asPublic = body.subarray(21, 21 + idlen);
      const records = body.subarray(21 + idlen);
      if (idlen !== 65) throw new Error(`keyid is ${idlen} bytes, not an uncompressed P-256 point`);
      if (records.length > rs) throw new Error('more than one record: a push payload fits in one');
      // RFC 8291 §3.3–3.4.
      const ecdhSecret = ecdh.computeSecret(asPublic);
      const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
      const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
      const cek = Buffer.from(
        hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16),
      );
      const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
      const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
      decipher.setAuthTag(records.subarray(records.length - 16));
      const padded = Buffer.concat([
        decipher.update(records.subarray(0, records.length - 16)),
        decipher.final(),
      ]);
      // The last record ends with 0x02, then zero or more 0x00 of padding.
      let end = padded.length - 1;
      while (end >= 0 && padded[end] === 0) end--;
      if (padded[end] !== 2) throw new Error('no 0x02 delimiter: not the last record of an aes128gcm body');
      return padded.subarray(0, end);
    },
  };
}

type ReceivedPush = {
  id: string;
  headers: IncomingMessage['headers'];
  claims: { aud: string; exp: number; sub: string };
  /** The public key the JWT was verified with (`k=`). */
  vapidKey: string;
  payload: unknown;
};

export type FakePushService = {
  url: string;
  received: ReceivedPush[];
  /** Pushes refused with 400, with the check that failed. */
  problems: string[];
  /** The status the next pushes to `/push/<id>` get instead of 201 (410: the browser unsubscribed). */
  answer(id: string, status: number): void;
  close(): Promise<void>;
};

export async function startFakePushService(
  browsers: () => Map<string, TestBrowser>,
  tls?: { key: string; cert: string },
): Promise<FakePushService> {
  const received: ReceivedPush[] = [];
  const problems: string[] = [];
  const answers = new Map<string, number>();
  let origin = '';
  const handle: RequestListener = async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const id = /^\/push\/([\w-]+)$/.exec(request.url ?? '')?.[1];
    const browser = id ? browsers().get(id) : undefined;
    if (request.method !== 'POST' || !id || !browser) {
      response.writeHead(404).end();
      return;
    }
    try {
      const { claims, key } = checkVapid(String(request.headers.authorization ?? ''), origin);
      if (request.headers['content-encoding'] !== 'aes128gcm')
        throw new Error('Content-Encoding is not aes128gcm');
      if (!/^\d+$/.test(String(request.headers.ttl ?? ''))) throw new Error('TTL header missing');
      const payload = JSON.parse(browser.decrypt(Buffer.concat(chunks)).toString('utf8'));
      received.push({ id, headers: request.headers, claims, vapidKey: key, payload });
      response.writeHead(answers.get(id) ?? 201).end();
    } catch (error) {
      problems.push((error as Error).message);
      response.writeHead(400).end((error as Error).message);
    }
  };
  const server: Server = tls ? createTlsServer(tls, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    received,
    problems,
    answer: (id, status) => answers.set(id, status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** RFC 8292 §3: verifies the ES256 JWT with the key in `k=` and returns its claims. */
function checkVapid(header: string, origin: string) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header);
  if (!match) throw new Error(`Authorization is not "vapid t=<JWT>, k=<key>": ${header.slice(0, 40)}`);
  const [token, k] = [match[1] as string, match[2] as string];
  const [head, body, signature] = token.split('.') as [string, string, string];
  const point = Buffer.from(k, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) throw new Error('VAPID JWT signature does not verify with k');
  if (JSON.parse(Buffer.from(head, 'base64url').toString()).alg !== 'ES256')
    throw new Error('JWT alg is not ES256');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  const now = Date.now() / 1000;
  if (claims.aud !== origin) throw new Error(`JWT aud ${claims.aud} is not the endpoint origin ${origin}`);
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600))
    throw new Error('JWT exp not within the next 24 h');
  if (!/^(mailto:|https:)/.test(String(claims.sub))) throw new Error('JWT sub is not mailto: or https:');
  return { claims, key: k };
}
