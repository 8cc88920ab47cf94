import 'server-only';
import { NextResponse } from 'next/server';
import {
  errorBody,
  isAppError,
  isDatabaseError,
  RateLimitedError,
  UnavailableError,
  ValidationError,
} from '@/lib/errors';
import { metrics } from '@/lib/server/metrics';

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<unknown>;

/**
 * Wraps a route handler (`pattern` labels its metrics, e.g. '/api/v1/tokens/[id]'): the value it returns is sent as JSON (a Response is passed through), and a
 * typed error becomes its HTTP status with `{error: {code, message, fields?, hint?}}`. Anything else is
 * logged and answered 500 without internals.
 */
export function route<P = Record<string, never>>(pattern: string, handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const stop = metrics().httpDuration.startTimer({ method: request.method, route: pattern });
    const response = await respond(handler, request, context);
    stop({ status: String(response.status) });
    return response;
  };
}

async function respond<P>(
  handler: Handler<P>,
  request: Request,
  context: { params: Promise<P> },
): Promise<Response> {
  try {
    const result = await handler(request, context);
    if (result instanceof Response) return result;
    return NextResponse.json(result ?? { ok: true });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return NextResponse.json(errorBody(error), { status: 413 });
    if (isAppError(error)) {
      const headers: HeadersInit =
        error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
      return NextResponse.json(errorBody(error), { status: error.status, headers });
    }
    if (isDatabaseError(error)) {
      // Also reached by authentication itself (tokens and sessions are checked in the database).
      console.error(`[vigil] ${request.method} ${new URL(request.url).pathname}: PostgreSQL failed:`, error);
      return NextResponse.json(
        errorBody(
          new UnavailableError(
            'PostgreSQL is not answering, so Vigil did nothing with this request. Try again in a moment; GET /api/health shows when the database is back.',
          ),
        ),
        { status: 503, headers: { 'retry-after': '10' } },
      );
    }
    console.error(`[vigil] ${request.method} ${new URL(request.url).pathname} failed:`, error);
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
}

/**
 * The largest JSON body a route reads: above the largest body any schema accepts (a post-mortem, seven
 * sections of 50,000 characters, is at most 2.1 MB even written as \u escapes), far below what would
 * hurt the server. Next.js sets no limit on route handlers, so without one a caller could make the
 * server hold any amount of memory before the schema refuses the body.
 */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;

/** A body over MAX_JSON_BODY_BYTES: a ValidationError on `body` that route() answers with 413. */
export class BodyTooLargeError extends ValidationError {
  constructor() {
    super(`The body is larger than ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB; send less at once.`, {
      body: 'too large',
    });
  }
}

/** The body as UTF-8 text; BodyTooLargeError once it exceeds the limit (checked while reading). */
async function boundedText(request: Request): Promise<string> {
  const text = await readBodyUpTo(request, MAX_JSON_BODY_BYTES);
  if (text === undefined) throw new BodyTooLargeError();
  return text;
}

/**
 * The body as UTF-8 text, or undefined once it exceeds `max` bytes: checked on the declared length and
 * again while reading, so a body without a length (chunked) cannot grow past it either.
 */
export async function readBodyUpTo(request: Request, max: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return undefined;
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
      return undefined;
    }
    chunks.push(value);
  }
  // TextDecoder drops a leading byte-order mark, as request.json() does.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

const isJson = (request: Request) =>
  request.headers.get('content-type')?.includes('application/json') ?? false;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('The request body must be JSON.', { body: 'not valid JSON' });
  }
}

/**
 * The JSON body of a request; a body that is not JSON is a ValidationError (422), one over
 * MAX_JSON_BODY_BYTES a BodyTooLargeError (413). The JSON content type is required: a cross-site HTML
 * form cannot send it, which closes the door on form-based CSRF against cookie-authenticated calls.
 */
export async function jsonBody(request: Request): Promise<unknown> {
  if (!isJson(request))
    throw new ValidationError('Send the body as JSON with "Content-Type: application/json".', {
      body: 'not JSON',
    });
  return parseJson(await boundedText(request));
}

/**
 * Like jsonBody, for routes whose body is optional (a chat bot acknowledging with a bare POST): no
 * body and no content type is `{}`. Anything else must be JSON, so an HTML form still cannot post.
 */
export async function optionalJsonBody(request: Request): Promise<unknown> {
  if (request.headers.get('content-type')) return jsonBody(request);
  if ((await boundedText(request)).trim() === '') return {};
  throw new ValidationError('Send the body as JSON with "Content-Type: application/json".', {
    body: 'not JSON',
  });
}
