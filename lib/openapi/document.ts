import 'server-only';
import { z } from 'zod';
import { errorBodySchema } from '@/lib/api/error-body';
import { type Access, MAX_JSON_BODY_BYTES, type Operation } from '@/lib/api/operation';
import { operations } from './operations';

/**
 * The OpenAPI 3.1 description of Vigil's HTTP API (`GET /api/v1/openapi.json`), generated from the
 * operations alone (lib/openapi/operations.ts collects every feature's `api.ts`): their zod schemas
 * become JSON Schema through zod 4's own `z.toJSONSchema`, so the document cannot drift from what the
 * routes validate and answer.
 */

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io }) as JsonSchema;
  return rest;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function parameters(op: Operation): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!schema) continue;
    const json = jsonSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      list.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...((op.queryDescriptions?.[name] ?? description)
          ? { description: op.queryDescriptions?.[name] ?? description }
          : {}),
        schema: rest,
      });
    }
  }
  return list;
}

function security(role: Access) {
  if (role === 'public') return [];
  if (role === 'webhook') return [{ webhookToken: [] }];
  return [{ session: [] }, { apiToken: [] }];
}

function operationObject(op: Operation): JsonSchema {
  const success =
    'schema' in op.response
      ? {
          description: op.response.description ?? 'OK',
          content: { 'application/json': { schema: jsonSchema(op.response.schema, 'output') } },
        }
      : {
          description: op.response.description,
          content: { [op.response.contentType]: { schema: { type: 'string' } } },
        };
  const responses: Record<string, unknown> = {
    [String(('status' in op.response && op.response.status) || 200)]: success,
  };
  if (op.role !== 'public')
    responses['401'] = errorResponse(
      op.role === 'webhook' ? 'Missing or wrong webhook token' : 'No session or API token, or a revoked one',
    );
  if (op.role === 'responder' || op.role === 'admin')
    responses['403'] = errorResponse(`The caller lacks the ${op.role} role`);
  if (op.params || op.query || op.body)
    responses[String(op.invalidStatus ?? 422)] = errorResponse(
      'Invalid parameters or body; `error.fields` names each problem',
    );
  if (op.body)
    responses['413'] = errorResponse(
      `The body is larger than ${(op.maxBodyBytes ?? MAX_JSON_BODY_BYTES) / 1024 / 1024} MB`,
    );
  for (const [status, description] of Object.entries(op.errors ?? {}))
    responses[status] = errorResponse(description);
  const segments = op.path
    .split('/')
    .filter((s) => s && s !== 'api' && s !== 'v1')
    .map((s) => (s.startsWith('{') ? `By-${s.slice(1, -1)}` : s));
  return {
    operationId: [op.method.toLowerCase(), ...segments]
      .join('-')
      .replace(/[^a-zA-Z0-9]+(.)/g, (_, c: string) => c.toUpperCase())
      .replace(/[^a-zA-Z0-9]/g, ''),
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.role === 'public' || op.role === 'webhook' ? {} : { 'x-vigil-role': op.role }),
    security: security(op.role),
    ...(op.params || op.query ? { parameters: parameters(op) } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: !op.bodyOptional,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** Builds the document from `operations` (pure; the route caches it). */
export function buildOpenApiDocument(ops: readonly Operation[] = operations, version = '0.1.0') {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of ops) {
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, JsonSchema>)[op.method.toLowerCase()] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vigil API',
      version,
      description:
        'The JSON API of Vigil, the on-call console for Prometheus, Alertmanager and Loki. Calls need a session cookie or an API token (`Authorization: Bearer vgl_…`) with the role each operation names in `x-vigil-role`, except where `security` is empty (public) or names the webhook token.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { apiToken: [] }],
    tags: [...new Set(ops.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema, 'output') },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'authjs.session-token',
          description:
            'The Auth.js session cookie set by signing in (`__Secure-authjs.session-token` over HTTPS)',
        },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'vgl_…',
          description: 'An API token, created on /admin or with POST /api/v1/tokens',
        },
        webhookToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            "VIGIL_WEBHOOK_TOKEN, set as http_config.authorization.credentials in Alertmanager's webhook_config",
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let built: OpenApiDocument | undefined;

/** The document, built once per process: the schemas do not change while it runs. */
export function openApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument();
  return built;
}
