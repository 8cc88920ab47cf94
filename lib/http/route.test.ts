import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineOperation, MAX_JSON_BODY_BYTES } from '@/lib/api/operation';
import { ForbiddenError } from '@/lib/errors';
import { context, WEBHOOK_TOKEN } from '@/lib/testing/route-harness';

/**
 * route(op, handler): what a caller gets for credentials, bodies of every kind and size, and invalid
 * input — in the order the operation promises (authenticate, role, bounded body, schemas, handler).
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

// The caller is named by a test header instead of a session or token (those need PostgreSQL; the
// generated access test, lib/http/access.integration.test.ts, uses real tokens).
vi.mock('@/lib/auth', async () => (await import('@/lib/testing/route-harness')).fakeAuth());

const { InvalidInputError, route } = await import('./route');
const { createTurnGate } = await import('./turn-gate');

const echoOp = defineOperation({
  method: 'POST',
  path: '/api/v1/test/{id}',
  role: 'responder',
  tag: 'alerts',
  summary: 'Echo',
  params: z.object({ id: z.string().regex(/^\d+$/, 'must be digits') }),
  query: z.object({ cluster: z.string().optional() }),
  body: z.object({ s: z.string().optional(), n: z.number().optional() }),
  response: { schema: z.object({ got: z.unknown(), id: z.string(), by: z.string() }), status: 201 },
});

/** Records whether the handler ran: a refused request must never reach it. */
function echo() {
  const ran = vi.fn();
  const handler = route(echoOp, async ({ params, body }, { actor }) => {
    ran();
    return { got: body, id: params.id, by: actor.email };
  });
  return { handler, ran };
}

const post = (
  body: BodyInit | null,
  headers: Record<string, string> = { 'content-type': 'application/json', 'x-test-role': 'responder' },
) =>
  new Request('http://vigil.test/api/v1/test/7', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);

/** A body streamed in 64 KiB chunks without a content-length, counting what the server pulled. */
function counted(totalBytes: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
  let sent = 0;
  return {
    stream: new ReadableStream(
      {
        pull(controller) {
          if (sent >= totalBytes) return controller.close();
          controller.enqueue(chunk);
          sent += chunk.byteLength;
        },
      },
      // Pull only when read: the stream itself buffers nothing ahead.
      { highWaterMark: 0 },
    ),
    pulled: () => sent,
  };
}

describe('route(): who calls', () => {
  it('answers 401 without credentials, before reading any byte of the body', async () => {
    const { handler, ran } = echo();
    const body = counted(1024 * 1024);
    const res = await handler(
      post(body.stream, { 'content-type': 'application/json' }),
      context({ id: '7' }),
    );
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
    expect(body.pulled()).toBe(0);
    expect(ran).not.toHaveBeenCalled();
  });

  it('answers 403 to a lower role even with a malformed body, which it never reads', async () => {
    const { handler, ran } = echo();
    const body = counted(1024 * 1024);
    const res = await handler(
      post(body.stream, { 'content-type': 'text/plain', 'x-test-role': 'viewer' }),
      context({ id: 'not-digits' }),
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/needs the responder role; you are viewer/);
    expect(body.pulled()).toBe(0);
    expect(ran).not.toHaveBeenCalled();
  });

  it('passes the caller to the handler and answers with the operation status', async () => {
    const { handler } = echo();
    const res = await handler(post(JSON.stringify({ s: 'x' })), context({ id: '7' }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ got: { s: 'x' }, id: '7', by: 'responder@example.com' });
  });

  it('checks the webhook token for webhook operations', async () => {
    const hook = route(
      defineOperation({
        method: 'POST',
        path: '/api/v1/hook',
        role: 'webhook',
        tag: 'alerts',
        summary: 'Hook',
        body: z.object({ v: z.literal('4') }),
        invalidStatus: 400,
        maxBodyBytes: 16,
        response: { schema: z.object({ ok: z.boolean() }) },
      }),
      async () => ({ ok: true }),
      { refused: (status) => refused.push(status) },
    );
    const refused: number[] = [];
    const send = (body: string, token = WEBHOOK_TOKEN) =>
      hook(
        new Request('http://vigil.test/api/v1/hook', {
          method: 'POST',
          body,
          headers: { authorization: `Bearer ${token}` },
        }),
        context(),
      );
    expect((await send('{"v":"4"}')).status).toBe(200);
    expect((await send('{"v":"4"}', 'another-token-of-24-chars!')).status).toBe(401);
    const invalid = await send('{"v":"3"}');
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.fields).toEqual({ v: expect.stringMatching(/4/) });
    const large = await send(JSON.stringify({ v: '4', pad: 'x'.repeat(64) }));
    expect(large.status).toBe(413);
    // Read past the bound (no declared length): the cut read leaves a socket nobody may reuse.
    expect(large.headers.get('connection')).toBe('close');
    expect(refused).toEqual([401, 400, 413]);
  });
});

describe('route(): turns', () => {
  it('runs authentication and the handler of a route with turns one gate turn at a time', async () => {
    const turns = createTurnGate(1);
    let release: () => void = () => {};
    const started: string[] = [];
    const handler = route(
      echoOp,
      async ({ params, body }, { actor }) => {
        started.push(params.id);
        if (params.id === '1') await new Promise<void>((resolve) => (release = resolve));
        return { got: body, id: params.id, by: actor.email };
      },
      { turns },
    );
    const first = handler(post(JSON.stringify({})), context({ id: '1' }));
    const refused = handler(
      post(JSON.stringify({}), { 'content-type': 'application/json' }),
      context({ id: '2' }),
    );
    const second = handler(post(JSON.stringify({})), context({ id: '3' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual(['1']);
    expect(turns.waiting).toBe(2);
    release();
    expect((await first).status).toBe(201);
    expect((await refused).status).toBe(401);
    expect((await second).status).toBe(201);
    expect(started).toEqual(['1', '3']);
  });
});

describe('route(): the body', () => {
  it('reads UTF-8, with or without a byte-order mark', async () => {
    const res = await echo().handler(post(`\uFEFF${JSON.stringify({ s: 'é💥' })}`), context({ id: '7' }));
    expect((await res.json()).got).toEqual({ s: 'é💥' });
  });

  it('accepts a body just under the limit', async () => {
    const text = JSON.stringify({ s: 'x'.repeat(MAX_JSON_BODY_BYTES - 20) });
    expect((await echo().handler(post(text), context({ id: '7' }))).status).toBe(201);
  });

  it('answers 413 with a typed error for a body over the limit (content-length)', async () => {
    const text = JSON.stringify({ s: 'x'.repeat(5 * 1024 * 1024) });
    const res = await echo().handler(
      post(text, {
        'content-type': 'application/json',
        'content-length': String(text.length),
        'x-test-role': 'responder',
      }),
      context({ id: '7' }),
    );
    expect(res.status).toBe(413);
    // Nothing was read: Node discards the body after the answer, so the sender reads the 413.
    expect(res.headers.get('connection')).toBeNull();
    expect(await res.json()).toEqual({
      error: {
        code: 'validation',
        message: expect.stringMatching(/larger than 4 MB/),
        fields: { body: 'too large' },
      },
    });
  });

  it('answers 413 for a chunked body over the limit, without reading all of it', async () => {
    const body = counted(64 * 1024 * 1024);
    const res = await echo().handler(post(body.stream), context({ id: '7' }));
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(MAX_JSON_BODY_BYTES + 256 * 1024);
  });

  it('refuses a form post (CSRF) and a non-JSON body with 422', async () => {
    const { handler, ran } = echo();
    const form = await handler(
      post('a=1', { 'content-type': 'application/x-www-form-urlencoded', 'x-test-role': 'responder' }),
      context({ id: '7' }),
    );
    expect(form.status).toBe(422);
    expect((await form.json()).error.fields).toEqual({ body: 'not JSON' });
    const broken = await handler(post('{"a":'), context({ id: '7' }));
    expect(broken.status).toBe(422);
    expect((await broken.json()).error.fields).toEqual({ body: expect.stringMatching(/^not valid JSON/) });
    expect(ran).not.toHaveBeenCalled();
  });

  it('takes only the JSON content type itself, with parameters, not a type that merely mentions it', async () => {
    const { handler, ran } = echo();
    const as = (type: string) =>
      handler(
        post(JSON.stringify({ s: 'x' }), { 'content-type': type, 'x-test-role': 'responder' }),
        context({ id: '7' }),
      );
    // Simple types a cross-site page may send without a CORS preflight.
    for (const type of ['text/plain; application/json', 'text/plain;charset=application/json']) {
      const res = await as(type);
      expect(res.status, type).toBe(422);
      expect((await res.json()).error.fields, type).toEqual({ body: 'not JSON' });
    }
    expect(ran).not.toHaveBeenCalled();
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', ' application/json ;q=1'])
      expect((await as(type)).status, type).toBe(201);
  });

  it('refuses a bare POST (no body, no content type) where the body is required', async () => {
    const { handler, ran } = echo();
    const res = await handler(post(null, { 'x-test-role': 'responder' }), context({ id: '7' }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toEqual({ body: 'is empty' });
    const typed = await handler(post(null), context({ id: '7' }));
    expect(typed.status).toBe(422);
    expect(ran).not.toHaveBeenCalled();
  });
});

describe('route(): an optional body', () => {
  const optional = route(
    defineOperation({ ...echoOp, params: undefined, bodyOptional: true }),
    async ({ body }) => ({ got: body, id: '-', by: '-' }),
  );

  it('takes a bare POST (no content type, no body) as {}', async () => {
    const res = await optional(post(null, { 'x-test-role': 'responder' }), context());
    expect((await res.json()).got).toEqual({});
  });

  it('still refuses an empty form post: a cross-site form always sends a content type', async () => {
    const res = await optional(
      post('', { 'content-type': 'application/x-www-form-urlencoded', 'x-test-role': 'responder' }),
      context(),
    );
    expect(res.status).toBe(422);
  });

  it('refuses text without a content type, and answers 413 for a huge one', async () => {
    expect((await optional(post('hello', { 'x-test-role': 'responder' }), context())).status).toBe(422);
    const huge = counted(5 * 1024 * 1024);
    expect((await optional(post(huge.stream, { 'x-test-role': 'responder' }), context())).status).toBe(413);
  });
});

describe('route(): the schemas', () => {
  it('answers 422 naming every bad field of params, query and body, before the handler runs', async () => {
    const { handler, ran } = echo();
    const res = await handler(post(JSON.stringify({ s: 1, n: 'two' })), context({ id: 'x' }));
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(Object.keys(error.fields).sort()).toEqual(['id', 'n', 's']);
    expect(error.fields.id).toBe('must be digits');
    expect(error.message).toMatch(/^Some fields are invalid — id: must be digits; s: .+; n: .+\.$/);
    expect(ran).not.toHaveBeenCalled();
  });

  it('names nested fields by their path', () => {
    const error = new InvalidInputError({ 'alerts[0].labels': 'expected object' });
    expect(error.message).toBe('Some fields are invalid — alerts[0].labels: expected object.');
    expect(error.httpStatus).toBe(422);
  });

  it('ends with one full stop when problems are sentences of their own', () => {
    const error = new InvalidInputError({ start: 'start must be before end.', zone: 'Not a zone.' });
    expect(error.message).toBe(
      'Some fields are invalid — start: start must be before end; zone: Not a zone.',
    );
  });

  it('answers 500 when the answer breaks its own schema (VIGIL_CHECK_RESPONSES)', async () => {
    const wrong = route(echoOp, async () => ({ got: 1, id: 7 }) as never);
    const originalError = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(...args);
    try {
      const res = await wrong(post('{}'), context({ id: '7' }));
      expect(res.status).toBe(500);
      expect(String(logged.find((l) => l instanceof Error))).toMatch(
        /answer of POST \/api\/v1\/test\/\{id\} does not match .*id: .*by: /,
      );
    } finally {
      console.error = originalError;
    }
  });
});

describe('route(): errors', () => {
  it('turns typed errors into their status and anything else into a 500 without internals', async () => {
    const forbidden = route(echoOp, async () => {
      throw new ForbiddenError('Needs the admin role.');
    });
    expect((await forbidden(post('{}'), context({ id: '7' }))).status).toBe(403);
    const crash = route(echoOp, async () => {
      throw new Error('secret internals');
    });
    const originalError = console.error;
    console.error = () => {};
    try {
      const res = await crash(post('{}'), context({ id: '7' }));
      expect(res.status).toBe(500);
      expect(JSON.stringify(await res.json())).not.toContain('secret internals');
    } finally {
      console.error = originalError;
    }
  });

  it('logs a failed calendar feed request without the secret in its path', async () => {
    const feedOp = defineOperation({
      method: 'GET',
      path: '/api/v1/calendar/{secret}',
      role: 'public',
      tag: 'schedules',
      summary: 'Feed',
      params: z.object({ secret: z.string() }),
      response: { contentType: 'text/calendar', description: 'iCalendar' },
    });
    const crash = route(feedOp, async () => {
      throw new Error('boom');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await crash(
        new Request('http://vigil.test/api/v1/calendar/vcal_TOPSECRET'),
        context({ secret: 'vcal_TOPSECRET' }),
      );
      expect(res.status).toBe(500);
      expect(logged).toHaveBeenCalledWith(
        '[vigil] GET /api/v1/calendar/[redacted] failed:',
        expect.any(Error),
      );
      expect(JSON.stringify(logged.mock.calls)).not.toContain('TOPSECRET');
    } finally {
      logged.mockRestore();
    }
  });

  it('logs a failed action link request without the token in its path', async () => {
    const linkOp = defineOperation({
      method: 'POST',
      path: '/api/v1/actions/{token}',
      role: 'public',
      tag: 'incidents',
      summary: 'Act',
      params: z.object({ token: z.string() }),
      response: { schema: z.object({}) },
    });
    const crash = route(linkOp, async () => {
      throw new Error('boom');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await crash(
        new Request('http://vigil.test/api/v1/actions/eyJTOPSECRET.mac', { method: 'POST' }),
        context({ token: 'eyJTOPSECRET.mac' }),
      );
      expect(res.status).toBe(500);
      expect(logged).toHaveBeenCalledWith(
        '[vigil] POST /api/v1/actions/[redacted] failed:',
        expect.any(Error),
      );
      expect(JSON.stringify(logged.mock.calls)).not.toContain('TOPSECRET');
    } finally {
      logged.mockRestore();
    }
  });

  it('carries the operation it serves', () => {
    expect(echo().handler.operation).toBe(echoOp);
  });
});
