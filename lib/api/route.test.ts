import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/errors';
import { jsonBody, MAX_JSON_BODY_BYTES, optionalJsonBody, route } from './route';

/** route() with jsonBody and optionalJsonBody: what a caller gets for bodies of every kind and size. */

const context = { params: Promise.resolve({}) };
const echo = route('/test', async (request) => ({ got: await jsonBody(request) }));
const optionalEcho = route('/test', async (request) => ({ got: await optionalJsonBody(request) }));

const post = (
  body: BodyInit | null,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => new Request('http://vigil.test/test', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** A body streamed in 64 KiB chunks without a content-length, as a chunked upload arrives. */
function chunked(totalBytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

describe('jsonBody through route()', () => {
  it('passes a JSON body through', async () => {
    const res = await echo(post(JSON.stringify({ a: 1 })), context);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: { a: 1 } });
  });

  it('reads UTF-8, with or without a byte-order mark', async () => {
    const res = await echo(post(`\uFEFF${JSON.stringify({ s: 'é💥' })}`), context);
    expect(await res.json()).toEqual({ got: { s: 'é💥' } });
  });

  it('accepts a body just under the limit', async () => {
    const text = JSON.stringify({ s: 'x'.repeat(MAX_JSON_BODY_BYTES - 20) });
    const res = await echo(post(text), context);
    expect(res.status).toBe(200);
  });

  it('answers 413 with a typed error for a body over the limit (content-length)', async () => {
    const text = JSON.stringify({ s: 'x'.repeat(5 * 1024 * 1024) });
    const res = await echo(
      post(text, { 'content-type': 'application/json', 'content-length': String(text.length) }),
      context,
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: {
        code: 'validation',
        message: expect.stringMatching(/larger than 4 MB/),
        fields: { body: 'too large' },
      },
    });
  });

  it('answers 413 for a chunked body over the limit, without reading all of it', async () => {
    let pulled = 0;
    const source = chunked(64 * 1024 * 1024);
    const reader = source.getReader();
    const counting = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        pulled += value.byteLength;
        controller.enqueue(value);
      },
    });
    const res = await echo(post(counting), context);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(MAX_JSON_BODY_BYTES + 256 * 1024);
  });

  it('refuses a form post (CSRF) and a non-JSON body with 422', async () => {
    const form = await echo(post('a=1', { 'content-type': 'application/x-www-form-urlencoded' }), context);
    expect(form.status).toBe(422);
    expect((await form.json()).error.fields).toEqual({ body: 'not JSON' });
    const broken = await echo(post('{"a":'), context);
    expect(broken.status).toBe(422);
    expect((await broken.json()).error.fields).toEqual({ body: 'not valid JSON' });
  });
});

describe('optionalJsonBody through route()', () => {
  it('takes a bare POST (no content type, no body) as {}', async () => {
    const res = await optionalEcho(post(null, {}), context);
    expect(await res.json()).toEqual({ got: {} });
  });

  it('still refuses an empty form post: a cross-site form always sends a content type', async () => {
    const res = await optionalEcho(
      post('', { 'content-type': 'application/x-www-form-urlencoded' }),
      context,
    );
    expect(res.status).toBe(422);
  });

  it('refuses text without a content type, and answers 413 for a huge one', async () => {
    expect((await optionalEcho(post('hello', {}), context)).status).toBe(422);
    expect((await optionalEcho(post(chunked(5 * 1024 * 1024), {}), context)).status).toBe(413);
  });
});

describe('route()', () => {
  it('turns typed errors into their status and anything else into a 500 without internals', async () => {
    const forbidden = route('/t', async () => {
      throw new ForbiddenError('Needs the admin role.');
    });
    expect((await forbidden(post(null), context)).status).toBe(403);
    const crash = route('/t', async () => {
      throw new Error('secret internals');
    });
    const originalError = console.error;
    console.error = () => {};
    try {
      const res = await crash(post(null), context);
      expect(res.status).toBe(500);
      expect(JSON.stringify(await res.json())).not.toContain('secret internals');
    } finally {
      console.error = originalError;
    }
  });
});
