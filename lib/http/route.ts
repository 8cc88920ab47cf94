import 'server-only';
import { NextResponse } from 'next/server';
import { isJsonBytes, type JsonBytes } from '@/lib/api/json-bytes';
import {
  type HandlerAnswer,
  MAX_JSON_BODY_BYTES,
  type Operation,
  operationName,
  type ParsedInput,
} from '@/lib/api/operation';
import { type Actor, assertRole, requestActor } from '@/lib/auth';
import type { Role } from '@/lib/auth/roles';
import { bearerTokenMatches } from '@/lib/auth/webhook-token';
import { env } from '@/lib/env';
import {
  errorBody,
  isAppError,
  isDatabaseError,
  RateLimitedError,
  sentence,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '@/lib/errors';
import { metrics } from '@/lib/metrics/registry';
import { parseInSlices } from './sliced-parse';
import type { TurnGate } from './turn-gate';

type Context = { params: Promise<Record<string, string | string[]>> };

/** The caller route() hands the handler: an Actor for role-checked operations, null otherwise. */
type CallerOf<O extends Operation> = O['role'] extends Role ? Actor : null;

export type RouteHandler<O extends Operation> = (
  input: ParsedInput<O>,
  call: { actor: CallerOf<O>; request: Request },
) => Promise<HandlerAnswer<O> | JsonBytes | Response>;

/** A Next.js route handler built by route(), carrying the operation it serves (read by the access test). */
export type OperationRoute<O extends Operation = Operation> = ((
  request: Request,
  context: Context,
) => Promise<Response>) & { readonly operation: O };

/**
 * The route handler of an operation (`export const GET = route(getIncidentOp, …)`). In this order:
 * authenticate (a session, an API token, or the webhook token), check `op.role` (401/403 before any byte
 * of the body is read), read the body up to its bound (413), parse params, query and body with the
 * operation's schemas (422, or `op.invalidStatus`, naming each field), run the handler, and — when
 * VIGIL_CHECK_RESPONSES is set, as the tests set it — check the answer against `op.response`. The value
 * the handler returns is sent as JSON with the operation's status (a Response is passed through, and
 * bytes the handler serialised itself, lib/api/json-bytes.ts, are sent as they are); a
 * typed error becomes its HTTP status with `{error: {code, message, fields?, hint?}}`; anything else is
 * logged and answered 500 without internals. `refused` sees every refusal before the handler runs (the
 * webhook counts them). With `turns`, authentication and the handler run only in a turn of that gate
 * (turn-gate.ts: many consoles cannot hold the event loop for long stretches).
 */
export function route<const O extends Operation>(
  op: O,
  handler: RouteHandler<O>,
  options: { refused?: (status: number) => void; turns?: TurnGate } = {},
): OperationRoute<O> {
  const serve = async (request: Request, context: Context): Promise<Response> => {
    const stop = metrics().httpDuration.startTimer({ method: request.method, route: op.path });
    const work = () => run(op, handler, request, context);
    const { turns } = options;
    const response = await respond(request, turns ? () => turns.run(work) : work, options);
    stop({ status: String(response.status) });
    return response;
  };
  return Object.assign(serve, { operation: op });
}

async function run<O extends Operation>(
  op: O,
  handler: RouteHandler<O>,
  request: Request,
  context: Context,
): Promise<Response> {
  const actor = await authenticate(op, request);
  const input = await readInput(op, request, context);
  const result = await handler(input, { actor: actor as CallerOf<O>, request });
  if (result instanceof Response) return result;
  const status = 'schema' in op.response ? (op.response.status ?? 200) : 200;
  if (isJsonBytes(result)) {
    if (env().VIGIL_CHECK_RESPONSES) checkAnswer(op, JSON.parse(Buffer.from(result.bytes).toString('utf8')));
    return new NextResponse(result.bytes as BodyInit, {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }
  if (!env().VIGIL_CHECK_RESPONSES) return NextResponse.json(result ?? null, { status });
  // Checked as the client will read it (Dates become strings): serialised once, parsed back once, and
  // only in tests; in production the answer is serialised once.
  const text = JSON.stringify(result ?? null);
  checkAnswer(op, JSON.parse(text));
  return new NextResponse(text, { status, headers: { 'content-type': 'application/json' } });
}

/** Who calls, refused with 401/403 before the request is read any further. */
async function authenticate(op: Operation, request: Request): Promise<Actor | null> {
  if (op.role === 'public') return null;
  if (op.role === 'webhook') {
    if (bearerTokenMatches(request.headers.get('authorization'), env().VIGIL_WEBHOOK_TOKEN)) return null;
    throw new UnauthorizedError(
      'Send the webhook token as "Authorization: Bearer <VIGIL_WEBHOOK_TOKEN>" (http_config.authorization.credentials in the webhook_config).',
    );
  }
  const actor = await requestActor(request);
  if (!actor) throw new UnauthorizedError();
  assertRole(actor, op.role);
  return actor;
}

async function readInput<O extends Operation>(
  op: O,
  request: Request,
  context: Context,
): Promise<ParsedInput<O>> {
  const raw = {
    params: op.params ? await context.params : undefined,
    query: op.query ? Object.fromEntries(new URL(request.url).searchParams) : undefined,
    body: op.body ? await readBody(op, request) : undefined,
  };
  const fields: Record<string, string> = {};
  const parsed: Record<string, unknown> = {};
  for (const part of ['params', 'query', 'body'] as const) {
    const schema = op[part];
    if (!schema) continue;
    const result =
      part === 'body' && op.bodyInSlices
        ? await parseInSlices(op.bodyInSlices, raw.body)
        : schema.safeParse(raw[part]);
    if (result.success) parsed[part] = result.data;
    else for (const issue of result.error.issues) fields[fieldName(part, issue.path)] ??= issue.message;
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields, op.invalidStatus ?? 422);
  return parsed as ParsedInput<O>;
}

/** `body` + `['alerts', 0, 'labels']` → `alerts[0].labels`; params and query fields by their own name. */
function fieldName(part: 'params' | 'query' | 'body', path: readonly PropertyKey[]): string {
  if (path.length === 0) return part === 'body' ? 'body' : part;
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/**
 * Input that fails the operation's schemas; its message names the first fields, so the caller can fix
 * the request from the answer alone. 422, or 400 for the webhook (Alertmanager retries nothing 4xx).
 */
export class InvalidInputError extends ValidationError {
  constructor(
    fields: Record<string, string>,
    readonly httpStatus: 400 | 422 = 422,
    message = listed(fields),
  ) {
    super(message, fields);
  }
}

function listed(fields: Record<string, string>): string {
  const list = Object.entries(fields)
    .slice(0, 5)
    // A problem written as a sentence loses its full stop inside the list: one ends the whole.
    .map(([field, problem]) => `${field}: ${problem.replace(/\.$/, '')}`);
  const more = Object.keys(fields).length - list.length;
  return sentence(`Some fields are invalid — ${list.join('; ')}${more > 0 ? `; and ${more} more` : ''}`);
}

/**
 * The answer must be what the operation says; a mismatch is a bug of ours, so it is a 500 naming the
 * fields (only in tests: in production the answer is sent as the handler made it).
 */
function checkAnswer(op: Operation, body: unknown): void {
  if (!('schema' in op.response)) return;
  const result = op.response.schema.safeParse(body);
  if (result.success) return;
  const problems = result.error.issues
    .slice(0, 5)
    .map((i) => `${fieldName('body', i.path)}: ${i.message}`)
    .join('; ');
  throw new Error(
    `The answer of ${operationName(op)} does not match its operation's response schema: ${problems}`,
  );
}

async function respond(
  request: Request,
  run: () => Promise<Response>,
  options: { refused?: (status: number) => void },
): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status < 500) options.refused?.(status);
    return failure(request, error);
  }
}

const statusOf = (error: unknown): number | undefined =>
  error instanceof BodyTooLargeError
    ? 413
    : error instanceof InvalidInputError
      ? error.httpStatus
      : isAppError(error)
        ? error.status
        : undefined;

function failure(request: Request, error: unknown): Response {
  if (error instanceof BodyTooLargeError)
    // Refused on its declared length, the body is left unread and Node's server discards it after the
    // answer, so the sender (Alertmanager too) finishes its write and reads the 413 instead of failing
    // on a reset. Refused while streaming, the read was cancelled and the socket cannot carry another
    // request: `connection: close` tells the client not to reuse it.
    return NextResponse.json(errorBody(error), {
      status: 413,
      headers: error.readCancelled ? { connection: 'close' } : {},
    });
  if (isAppError(error)) {
    const headers: HeadersInit =
      error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    return NextResponse.json(errorBody(error), { status: statusOf(error), headers });
  }
  if (isDatabaseError(error)) {
    // Also reached by authentication itself (tokens and sessions are checked in the database).
    console.error(`[vigil] ${request.method} ${loggedPath(request)}: PostgreSQL failed:`, error);
    return NextResponse.json(
      errorBody(
        new UnavailableError(
          'PostgreSQL is not answering, so Vigil did nothing with this request. Try again in a moment; GET /api/health shows when the database is back.',
        ),
      ),
      { status: 503, headers: { 'retry-after': '10' } },
    );
  }
  console.error(`[vigil] ${request.method} ${loggedPath(request)} failed:`, error);
  return NextResponse.json(
    {
      error: {
        code: 'internal',
        message: 'Vigil failed to handle this request; the server log has the details.',
      },
    },
    { status: 500 },
  );
}

/** Paths whose last segment is a credential (a calendar feed's secret, an action link's token): logged without it. */
const SECRET_PATH = /^(\/api\/v1\/(?:calendar|actions)\/)[^/]+/;

/** The request's path as logs may show it: `/api/v1/calendar/vcal_…` → `/api/v1/calendar/[redacted]`. */
function loggedPath(request: Request): string {
  return new URL(request.url).pathname.replace(SECRET_PATH, '$1[redacted]');
}

/**
 * A body over the operation's limit: a ValidationError on `body` that route() answers with 413. The
 * message is the operation's own 413 text when it declares one (the webhook's names max_alerts).
 */
class BodyTooLargeError extends ValidationError {
  constructor(
    readonly readCancelled: boolean,
    max = MAX_JSON_BODY_BYTES,
    message = `The body is larger than ${max / 1024 / 1024} MB; send less at once.`,
  ) {
    super(message, { body: 'too large' });
  }
}

/**
 * The body as UTF-8 text, or how it turned out larger than `max` bytes: by its declared length (nothing
 * read), or while reading (the read cancelled), so a body without a length (chunked) cannot grow past it
 * either.
 */
async function readBodyUpTo(
  request: Request,
  max: number,
): Promise<string | { tooLarge: 'declared' | 'streamed' }> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return { tooLarge: 'declared' };
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return { tooLarge: 'streamed' };
    }
    chunks.push(value);
  }
  // TextDecoder drops a leading byte-order mark, as request.json() does.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * The raw body of an operation that declares no JSON body (Slack's signed form posts, whose signature
 * covers the exact bytes), read up to `op.maxBodyBytes` like any other (413 beyond).
 */
export async function readRawBody(op: Operation, request: Request): Promise<string> {
  const max = op.maxBodyBytes ?? MAX_JSON_BODY_BYTES;
  const text = await readBodyUpTo(request, max);
  if (typeof text !== 'string')
    throw new BodyTooLargeError(text.tooLarge === 'streamed', max, op.errors?.[413]);
  return text;
}

/**
 * Whether the content type IS `application/json` (parameters allowed: `application/json; charset=utf-8`),
 * not merely mentions it: `text/plain; application/json` is a "simple" type a cross-site page may send
 * without a CORS preflight, so accepting it would reopen the CSRF door the JSON requirement closes.
 */
const isJson = (request: Request) =>
  request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() === 'application/json';

const NOT_JSON = () =>
  new ValidationError('Send the body as JSON with "Content-Type: application/json".', { body: 'not JSON' });

/**
 * The JSON body of an operation's request, read up to `op.maxBodyBytes` (BodyTooLargeError → 413).
 * Operations called with a session require the JSON content type: a cross-site HTML form cannot send
 * it, which closes the door on form-based CSRF against cookie-authenticated calls (the webhook, called
 * with its own token only, does not). With `bodyOptional`, no body and no content type is `{}`, so a chat
 * bot can acknowledge with a bare POST.
 */
async function readBody(op: Operation, request: Request): Promise<unknown> {
  const max = op.maxBodyBytes ?? MAX_JSON_BODY_BYTES;
  const typed = request.headers.get('content-type') !== null;
  const cookieCallable = op.role !== 'webhook' && op.role !== 'public';
  if (cookieCallable && typed && !isJson(request)) throw NOT_JSON();
  const text = await readBodyUpTo(request, max);
  if (typeof text !== 'string')
    throw new BodyTooLargeError(text.tooLarge === 'streamed', max, op.errors?.[413]);
  if (text.trim() === '') {
    if (op.bodyOptional && !typed) return {};
    throw new InvalidInputError(
      { body: 'is empty' },
      op.invalidStatus ?? 422,
      'The body is empty: send the request as JSON.',
    );
  }
  if (cookieCallable && !typed) throw NOT_JSON();
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    throw new InvalidInputError(
      { body: `not valid JSON: ${reason}` },
      op.invalidStatus ?? 422,
      `The body is not valid JSON (${reason}).`,
    );
  }
}
