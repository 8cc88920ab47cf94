import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, openApiDocument } from './document';
import { operations } from './operations';

// No module is mocked: the operations are client-safe, so loading them pulls in no session code,
// database or upstream client.

describe('the operations registry', () => {
  // That every route serves an operation and every operation a route is checked on the route modules
  // themselves, by lib/http/access.integration.test.ts.
  it('lists each method and path once', () => {
    const keys = operations.map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('declares path parameters exactly as the path names them', () => {
    for (const op of operations) {
      const inPath = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      expect(Object.keys(op.params?.shape ?? {}).sort(), `${op.method} ${op.path}`).toEqual(inPath);
    }
  });
});

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument();

  it('is an OpenAPI 3.1 document whose every operation has a summary, an id, security and responses', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).length).toBeGreaterThanOrEqual(15);
    const ids = new Set<string>();
    for (const [p, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method} ${p}`;
        expect(op.summary, where).toEqual(expect.any(String));
        expect(op.operationId, where).toMatch(/^[a-z][a-zA-Z0-9]+$/);
        ids.add(op.operationId as string);
        expect(Array.isArray(op.security), where).toBe(true);
        const responses = op.responses as Record<string, { description: string }>;
        const statuses = Object.keys(responses);
        expect(
          statuses.some((s) => s.startsWith('2')),
          where,
        ).toBe(true);
        for (const s of statuses) {
          expect(s, where).toMatch(/^[1-5]\d\d$/);
          expect(responses[s]?.description, `${where} ${s}`).toEqual(expect.any(String));
        }
      }
    expect(ids.size).toBe(operations.length);
  });

  it('describes the alerts API from its zod schemas', () => {
    const get = doc.paths['/api/v1/alerts']?.get as {
      parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
      responses: Record<
        string,
        { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } }
      >;
    };
    expect(get.parameters.map((p) => p.name)).toEqual(['filter', 'group_by', 'state', 'offset', 'limit']);
    expect(get.parameters.find((p) => p.name === 'limit')).toMatchObject({
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    });
    const body = get.responses['200']?.content['application/json'].schema;
    expect(Object.keys(body?.properties ?? {})).toEqual([
      'alerts',
      'groups',
      'counts',
      'page',
      'fetchedAt',
      'upstreams',
    ]);
    expect(Object.keys(get.responses)).toEqual(['200', '401', '422']);
  });

  it('marks who may call each operation', () => {
    const op = (method: string, p: string) =>
      (doc.paths[p] as Record<string, Record<string, unknown>>)[method];
    expect(op('get', '/api/health')?.security).toEqual([]);
    expect(op('get', '/metrics')?.security).toEqual([]);
    expect(op('post', '/api/v1/alertmanager/webhook')?.security).toEqual([{ webhookToken: [] }]);
    expect(op('get', '/api/v1/alerts')).toMatchObject({
      security: [{ session: [] }, { apiToken: [] }],
      'x-vigil-role': 'viewer',
    });
    expect(op('patch', '/api/v1/users/{id}')).toMatchObject({ 'x-vigil-role': 'admin' });
    expect(Object.keys(op('patch', '/api/v1/users/{id}')?.responses as object)).toContain('403');
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['session', 'apiToken', 'webhookToken']);
  });

  it('answers a bad webhook payload with 400, not 422, and documents its body', () => {
    const webhook = doc.paths['/api/v1/alertmanager/webhook']?.post as Record<string, unknown>;
    expect(Object.keys(webhook.responses as object).sort()).toEqual(['200', '400', '401', '413', '503']);
    expect(webhook.requestBody).toMatchObject({
      content: { 'application/json': { schema: { properties: { version: { const: '4' } } } } },
    });
  });

  it('turns path parameters into required parameters', () => {
    const detail = doc.paths['/api/v1/alerts/{fingerprint}']?.get as {
      parameters: { name: string; in: string; required: boolean }[];
    };
    expect(detail.parameters).toEqual([
      expect.objectContaining({ name: 'fingerprint', in: 'path', required: true }),
      expect.objectContaining({ name: 'cluster', in: 'query', required: false }),
    ]);
  });

  it('grows with the registry', () => {
    const extra = buildOpenApiDocument([
      ...operations,
      {
        method: 'POST',
        path: '/api/v1/alerts/{fingerprint}/ack',
        tag: 'alerts',
        summary: 'Acknowledge',
        role: 'responder',
        params: z.object({ fingerprint: z.string() }),
        body: z.object({ comment: z.string().optional() }),
        response: { schema: z.object({ ok: z.boolean() }) },
      },
    ]);
    expect(extra.paths['/api/v1/alerts/{fingerprint}/ack']?.post).toMatchObject({
      operationId: 'postAlertsByFingerprintAck',
      'x-vigil-role': 'responder',
      requestBody: { required: true },
    });
  });

  it('is built once', () => {
    expect(openApiDocument()).toBe(openApiDocument());
    expect(JSON.parse(JSON.stringify(openApiDocument()))).toEqual(doc);
  });
});
