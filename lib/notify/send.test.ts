import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationPayload } from './message';
import { DeliveryError, deliver, postRequest } from './send';

/** Failures name the problem, never the webhook URL (Slack and Discord keep the secret in its path). */

const payload: NotificationPayload = {
  incident: { id: 'clx1', number: 7, title: 'API down', severity: 'critical', status: 'open', url: null },
  level: { level: 1, name: 'Chat' },
  reason: 'timer',
  comment: null,
  round: 1,
};

const server = createServer((_request, response) => {
  response.statusCode = 503;
  response.end('upstream said no to https://hooks.example.com/SECRET-TOKEN');
});
let base: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(promise: Promise<void>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('deliver', () => {
  it('reports an error status without the URL or the answer’s body', async () => {
    const error = await failure(
      deliver({ name: 'ops-chat', type: 'slack', url: `${base}/services/SECRET-TOKEN` }, undefined, payload),
    );
    expect(error.message).toBe('the receiver answered HTTP 503');
  });

  it('reports a refused connection by its code only', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(
      deliver(
        { name: 'd', type: 'discord', url: `http://127.0.0.1:${port}/api/webhooks/SECRET-TOKEN` },
        undefined,
        payload,
      ),
    );
    expect(error.message).toBe('could not connect (ECONNREFUSED)');
  });

  it('says so when an e-mail channel has no SMTP server configured', async () => {
    const error = await failure(
      deliver({ name: 'm', type: 'email', to: ['a@example.com'] }, undefined, payload),
    );
    expect(error.message).toBe('no smtp: section in VIGIL_CONFIG');
  });

  it('ends a receiver (local fake) that sends its headers and then stalls the body, at the deadline', async () => {
    const stalled = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"ok":');
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const port = (stalled.address() as AddressInfo).port;
    try {
      const started = performance.now();
      const error = await failure(
        deliver(
          { name: 'hook', type: 'webhook', url: `http://127.0.0.1:${port}/SECRET-TOKEN` },
          undefined,
          payload,
          300,
        ),
      );
      const ms = performance.now() - started;
      expect(error.message).toBe('no complete answer within 0.3 s');
      expect(ms).toBeGreaterThanOrEqual(290);
      // Generous: the point is that it ends near the deadline instead of never.
      expect(ms).toBeLessThan(3000);
    } finally {
      stalled.closeAllConnections();
      await new Promise<void>((resolve) => stalled.close(() => resolve()));
    }
  });
});

describe('postRequest', () => {
  it('stops reading an answer that streams without end after 64 KB, long before the deadline', async () => {
    const endless = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = `${'x'.repeat(16 * 1024)}`;
      const write = () => {
        if (!response.destroyed) response.write(chunk, () => setImmediate(write));
      };
      write();
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const text = await postRequest(
        `http://127.0.0.1:${(endless.address() as AddressInfo).port}/`,
        { headers: {}, body: '{}' },
        5_000,
      );
      expect(text.length).toBeLessThanOrEqual(64 * 1024);
      expect(text.length).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(4_000);
    } finally {
      endless.closeAllConnections();
      await new Promise<void>((resolve) => endless.close(() => resolve()));
    }
  });
});
