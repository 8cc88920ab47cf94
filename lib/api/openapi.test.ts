import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, openApiDocument, operations, UNDOCUMENTED_ROUTES } from './openapi';

// lib/admin/users.ts (whose body schemas the document uses) imports the Auth.js session code, which
// does not load outside Next; the schemas do not need it.
vi.mock('@/lib/auth', () => ({}));

const APP = path.resolve(import.meta.dirname, '../../app');
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Every route.ts under app/, as `{file, path, methods}` with the URL path in OpenAPI form. */
function routeFiles(): { file: string; path: string; methods: string[] }[] {
  const files = (readdirSync(APP, { recursive: true }) as string[]).filter(
    (f) => path.basename(f) === 'route.ts' || path.basename(f) === 'route.tsx',
  );
  return files.map((file) => {
    const segments = path
      .dirname(file)
      .split(path.sep)
      .filter((s) => s !== '.' && !/^\(.*\)$/.test(s)) // route groups do not appear in URLs
      .map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]]+)\]\]?$/, '{$1}'));
    return {
      file,
      path: `/${segments.join('/')}`,
      methods: exportedMethods(readFileSync(path.join(APP, file), 'utf8')),
    };
  });
}

/** `export const GET = …`, `export async function POST(…)`, `export const { GET, POST } = handlers`. */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+([A-Z]+)\b/g))
    if (HTTP_METHODS.includes(m[1] as string)) found.add(m[1] as string);
  for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}/g))
    for (const name of (m[1] as string).split(',').map(
      (n) =>
        n
          .trim()
          .split(/\s*:\s*/)
          .at(-1) ?? '',
    ))
      if (HTTP_METHODS.includes(name)) found.add(name);
  return [...found].sort();
}

describe('exportedMethods', () => {
  it('finds the handler export styles the app uses', () => {
    expect(
      exportedMethods(
        "export const GET = route('/x', async () => 1);\nexport const dynamic = 'force-dynamic';",
      ),
    ).toEqual(['GET']);
    expect(
      exportedMethods('export async function GET(request: Request) {}\nexport function POST() {}'),
    ).toEqual(['GET', 'POST']);
    expect(exportedMethods('export const { GET, POST } = handlers;')).toEqual(['GET', 'POST']);
  });
});

describe('the operations registry', () => {
  const files = routeFiles();

  it('finds the route files (the walk itself works)', () => {
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['/api/v1/alerts', '/api/v1/alerts/{fingerprint}', '/metrics']),
    );
    expect(files.find((f) => f.path === '/api/v1/tokens')?.methods).toEqual(['GET', 'POST']);
  });

  it('has an entry for every handler of every app route, unless deliberately left out', () => {
    const documented = new Set(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`));
    const missing = files
      .filter((f) => !(f.path in UNDOCUMENTED_ROUTES))
      .flatMap((f) => f.methods.map((m) => `${m} ${f.path}`))
      .filter((key) => !documented.has(key));
    expect(missing, 'add these to `operations` in lib/api/openapi.ts').toEqual([]);
  });

  it('has no entry for a route or handler that does not exist', () => {
    const existing = new Set(files.flatMap((f) => f.methods.map((m) => `${m} ${f.path}`)));
    const stale = operations
      .map((op) => `${op.method.toUpperCase()} ${op.path}`)
      .filter((key) => !existing.has(key));
    expect(stale).toEqual([]);
    for (const route of Object.keys(UNDOCUMENTED_ROUTES)) expect(files.map((f) => f.path)).toContain(route);
  });

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
        method: 'post',
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
