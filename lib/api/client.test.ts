import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, callApi, errorText, urlOf } from './client';
import { defineOperation } from './operation';

/** The browser client against a stand-in `fetch` that records each request and answers as Vigil does. */

const ackOp = defineOperation({
  method: 'POST',
  path: '/api/v1/alerts/{fingerprint}/ack',
  role: 'responder',
  tag: 'acknowledgements',
  summary: 'Acknowledge',
  params: z.object({ fingerprint: z.string() }),
  query: z.object({ cluster: z.string().optional() }),
  body: z.object({ comment: z.string().optional() }),
  bodyOptional: true,
  response: { schema: z.object({ ackId: z.string() }), status: 201 },
  invalidates: ['alerts'],
});

const markdownOp = defineOperation({
  method: 'GET',
  path: '/api/v1/incidents/{id}/postmortem.md',
  role: 'viewer',
  tag: 'postmortems',
  summary: 'Markdown',
  params: z.object({ id: z.string() }),
  response: { contentType: 'text/markdown', description: 'Markdown' },
});

function answer(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('urlOf', () => {
  it('fills path parameters (encoded) and keeps only the query values that are set', () => {
    expect(urlOf(ackOp, { params: { fingerprint: 'a/b c' }, query: { cluster: 'eu 1' } })).toBe(
      '/api/v1/alerts/a%2Fb%20c/ack?cluster=eu+1',
    );
    expect(urlOf(ackOp, { params: { fingerprint: 'ab' }, query: { cluster: '' } })).toBe(
      '/api/v1/alerts/ab/ack',
    );
  });

  it('keeps an empty value where the parameter has a default, as empty differs from absent there', () => {
    const listOp = defineOperation({
      method: 'GET',
      path: '/api/v1/alerts',
      role: 'viewer',
      tag: 'alerts',
      summary: 'Alerts',
      query: z.object({ group_by: z.string().default('alertname'), filter: z.string().optional() }),
      response: { schema: z.object({}) },
    });
    expect(urlOf(listOp, { query: { group_by: '', filter: '' } })).toBe('/api/v1/alerts?group_by=');
  });

  it('refuses a missing path parameter rather than calling a wrong URL', () => {
    expect(() => urlOf(ackOp, { params: { fingerprint: '' } })).toThrow(/fingerprint is missing/);
  });
});

describe('callApi', () => {
  it('sends the method and the body as JSON and answers the parsed JSON', async () => {
    const calls = answer(201, { ackId: 'a1' });
    await expect(
      callApi(ackOp, { params: { fingerprint: 'ab' }, body: { comment: 'on it' } }),
    ).resolves.toEqual({
      ackId: 'a1',
    });
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"comment":"on it"}',
    });
  });

  it('sends no body and no content type when an optional body is left out', async () => {
    const calls = answer(201, { ackId: 'a1' });
    await callApi(ackOp, { params: { fingerprint: 'ab' } });
    expect(calls[0]?.init.body).toBeUndefined();
    expect(calls[0]?.init.headers).toEqual({});
  });

  it('answers text for a text operation', async () => {
    answer(200, '# INC-1');
    await expect(callApi(markdownOp, { params: { id: 'INC-1' } })).resolves.toBe('# INC-1');
  });

  it("turns Vigil's error body into an ApiError with message, fields and hint", async () => {
    answer(422, {
      error: { code: 'validation', message: 'Some fields are invalid', fields: { comment: 'Too long' } },
    });
    const error = await callApi(ackOp, { params: { fingerprint: 'ab' }, body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'validation', fields: { comment: 'Too long' } });
    expect(error.display).toBe('Too long');
    answer(502, { error: { code: 'upstream', message: 'Alertmanager refused.', hint: 'Check the peers.' } });
    const upstream = await callApi(ackOp, { params: { fingerprint: 'ab' } }).catch((e) => e);
    expect(errorText(upstream)).toBe('Alertmanager refused. Check the peers.');
  });

  it('says which call failed when the answer is not our error body (a proxy page, say)', async () => {
    answer(504, '<html>Gateway Timeout</html>');
    const error = await callApi(ackOp, { params: { fingerprint: 'ab' } }).catch((e) => e);
    expect(error).toMatchObject({ status: 504, code: 'unknown' });
    expect(error.message).toBe('POST /api/v1/alerts/{fingerprint}/ack: Vigil answered 504.');
  });

  it('says what to do when the network fails', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await callApi(ackOp, { params: { fingerprint: 'ab' } }).catch((e) => e);
    expect(error).toMatchObject({ status: 0, code: 'network' });
    expect(errorText(error)).toMatch(/check your connection/);
  });
});
