import 'server-only';
import { NextResponse } from 'next/server';
import { errorBody, isAppError, RateLimitedError, ValidationError } from '@/lib/errors';
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
    if (isAppError(error)) {
      const headers: HeadersInit =
        error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
      return NextResponse.json(errorBody(error), { status: error.status, headers });
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
 * The JSON body of a request; a body that is not JSON is a ValidationError (422). The JSON content type
 * is required: a cross-site HTML form cannot send it, which closes the door on form-based CSRF against
 * cookie-authenticated calls.
 */
export async function jsonBody(request: Request): Promise<unknown> {
  if (!request.headers.get('content-type')?.includes('application/json'))
    throw new ValidationError('Send the body as JSON with "Content-Type: application/json".', {
      body: 'not JSON',
    });
  try {
    return await request.json();
  } catch {
    throw new ValidationError('The request body must be JSON.', { body: 'not valid JSON' });
  }
}

/**
 * Like jsonBody, for routes whose body is optional (a chat bot acknowledging with a bare POST): no
 * body and no content type is `{}`. Anything else must be JSON, so an HTML form still cannot post.
 */
export async function optionalJsonBody(request: Request): Promise<unknown> {
  if (!request.headers.get('content-type') && (await request.clone().text()).trim() === '') return {};
  return jsonBody(request);
}
