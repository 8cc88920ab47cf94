import type { z } from 'zod';
import type { Role } from '@/lib/auth/roles';

/**
 * One API operation, declared once beside its feature (`lib/<feature>/api.ts`) and safe to import in the
 * browser: everything else follows from it — the route handler (`route(op, handler)` in
 * lib/api/route.ts: authentication, the role check before the body, the bounded read, validation), the
 * OpenAPI entry (lib/api/openapi.ts), the generated access test, and the typed browser call
 * (`callApi(op, input)` in lib/api/client.ts, whose mutations invalidate `op.invalidates`).
 *
 * @example
 * export const getIncidentOp = defineOperation({
 *   method: 'GET', path: '/api/v1/incidents/{id}', role: 'viewer', tag: 'incidents',
 *   summary: 'One incident', params: z.object({ id: z.string() }),
 *   response: { schema: incidentSchema },
 * });
 */

/**
 * Who may call: a minimum role (viewer < responder < admin; a session cookie or an API token),
 * 'public' (no credentials), or 'webhook' (VIGIL_WEBHOOK_TOKEN as a bearer token).
 */
export type Access = Role | 'public' | 'webhook';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The cached data a screen reads, by family: a GET operation's query key starts with its `tag`, and a
 * mutation invalidates every query of the families it names.
 */
const API_TAGS = [
  'operations',
  'account',
  'overview',
  'alerts',
  'acknowledgements',
  'silences',
  'maintenance',
  'incidents',
  'escalation',
  'teams',
  'schedules',
  'postmortems',
  'runbooks',
  'reports',
  'admin',
] as const;
export type ApiTag = (typeof API_TAGS)[number];

type JsonAnswer = { schema: z.ZodType; status?: 200 | 201; description?: string };
type TextAnswer = { contentType: string; description: string };

export type Operation = {
  method: HttpMethod;
  /** OpenAPI form: `/api/v1/alerts/{fingerprint}` is served by app/api/v1/alerts/[fingerprint]/route.ts. */
  path: string;
  role: Access;
  tag: ApiTag;
  summary: string;
  description?: string;
  /** Path parameters (every one required). */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Descriptions of query parameters whose schema carries none. */
  queryDescriptions?: Record<string, string>;
  /** The JSON body; with `bodyOptional`, no body at all (and no content type) reads as `{}`. */
  body?: z.ZodType;
  /**
   * A body with one large array checked a slice at a time (lib/http/sliced-parse.ts) instead of by
   * `body` in one go; `body` stays what the OpenAPI document shows, and the parsed value has its shape.
   */
  bodyInSlices?: { envelope: z.ZodType; key: string; item: z.ZodType; slice?: number };
  bodyOptional?: boolean;
  /** Bytes route() reads at most before answering 413 (default MAX_JSON_BODY_BYTES, 4 MB). */
  maxBodyBytes?: number;
  /**
   * The status of input that fails validation: 422 by default; 400 for the webhook, which Alertmanager
   * must not retry.
   */
  invalidStatus?: 400 | 422;
  response: JsonAnswer | TextAnswer;
  /** Families of cached queries this operation changes (mutations only). */
  invalidates?: readonly ApiTag[];
  /** Statuses besides the success, 401/403 (from `role`), 413 and the invalid status. */
  errors?: Partial<Record<400 | 404 | 409 | 413 | 429 | 502 | 503, string>>;
};

/**
 * The largest JSON body a route reads: above the largest body any schema accepts (a post-mortem, seven
 * sections of 50,000 characters, is at most 2.1 MB even written as \u escapes), far below what would
 * hurt the server. Next.js sets no limit on route handlers, so without one a caller could make the
 * server hold any amount of memory before the schema refuses the body.
 */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;

/** Returns the operation as declared, keeping its literal types for route() and callApi(). */
export function defineOperation<const O extends Operation>(op: O): O {
  return op;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;
type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What route() hands the handler: params, query and body as their schemas parsed them. */
export type ParsedInput<O extends Operation> = {
  params: Output<O['params']>;
  query: Output<O['query']>;
  body: Output<O['body']>;
};

type OptionalIfEmpty<K extends string, T> = undefined extends T
  ? { [P in K]?: T }
  : object extends T
    ? { [P in K]?: T }
    : { [P in K]: T };

/** What the browser passes to callApi(): the schemas' input shapes; parts without a schema are absent. */
export type CallInput<O extends Operation> = OptionalIfEmpty<'params', InputOf<O['params']>> &
  OptionalIfEmpty<'query', InputOf<O['query']>> &
  (O['bodyOptional'] extends true
    ? { body?: InputOf<O['body']> }
    : OptionalIfEmpty<'body', InputOf<O['body']>>);

/** The JSON answer of an operation as the browser receives it. */
export type Answer<O extends Operation> = O['response'] extends JsonAnswer
  ? z.output<O['response']['schema']>
  : string;

/**
 * What a handler may return for an answer: the answer, where any string may also be a Date (JSON
 * turns Dates into the ISO strings the schema describes). route() checks the JSON itself in tests.
 */
export type HandlerAnswer<O extends Operation> = O['response'] extends JsonAnswer
  ? Serialisable<z.input<O['response']['schema']>>
  : never;

type Serialisable<T> = T extends string
  ? T | Date
  : T extends readonly (infer E)[]
    ? readonly Serialisable<E>[]
    : T extends object
      ? { [K in keyof T]: Serialisable<T[K]> }
      : T;

/** `/api/v1/incidents/{id}/notes` with `{id: 'INC-7'}` → `/api/v1/incidents/INC-7/notes`. */
export function pathOf(op: Pick<Operation, 'path'>, params: Record<string, unknown> = {}): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`${op.path}: the path parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
}

/** The operation's name in messages, metrics and tests: `GET /api/v1/alerts`. */
export const operationName = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;
