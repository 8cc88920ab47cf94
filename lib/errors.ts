/**
 * Typed errors, turned into HTTP statuses in one place (httpStatusOf) so route handlers and server
 * actions answer consistently. Each message says what to do next.
 */

export class UnauthorizedError extends Error {
  readonly status = 401;
  constructor(message = 'Sign in, or send an API token as "Authorization: Bearer <token>".') {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Bad input: `fields` maps a field name to what is wrong with it. */
export class ValidationError extends Error {
  readonly status = 422;
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** `existing`: what the request collides with, so a client can go there instead (e.g. the incident). */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(
    message: string,
    readonly existing?: { id: string; ref: string },
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export class RateLimitedError extends Error {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

/** An upstream (Prometheus, Alertmanager, Loki) failed; `hint` tells the operator what to check. */
export class UpstreamError extends Error {
  readonly status = 502;
  constructor(
    readonly source: string,
    readonly url: string,
    readonly upstreamStatus: number | undefined,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

/**
 * A dependency of Vigil itself (PostgreSQL) failed, so the request did nothing; retrying later is the
 * answer (503). The message says what was or was not done.
 */
export class UnavailableError extends Error {
  readonly status = 503;
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}

export type AppError =
  | UnauthorizedError
  | ForbiddenError
  | NotFoundError
  | ValidationError
  | ConflictError
  | RateLimitedError
  | UpstreamError
  | UnavailableError;

export function isAppError(e: unknown): e is AppError {
  return (
    e instanceof UnauthorizedError ||
    e instanceof ForbiddenError ||
    e instanceof NotFoundError ||
    e instanceof ValidationError ||
    e instanceof ConflictError ||
    e instanceof RateLimitedError ||
    e instanceof UpstreamError ||
    e instanceof UnavailableError
  );
}

/** The JSON body of an error answer: `{error: {code, message, fields?, hint?}}`. */
export function errorBody(e: AppError) {
  return {
    error: {
      code: e.name.replace(/Error$/, '').toLowerCase(),
      message: e.message,
      ...(e instanceof ValidationError && Object.keys(e.fields).length ? { fields: e.fields } : {}),
      ...(e instanceof UpstreamError ? { source: e.source, hint: e.hint } : {}),
      ...(e instanceof ConflictError && e.existing ? { existing: e.existing } : {}),
    },
  };
}

/** Prisma's own errors and the pg driver's (through the adapter); not our typed errors or bugs. */
export function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name.startsWith('PrismaClient') || error.name === 'DriverAdapterError') return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^(P\d{4}|ECONNREFUSED|ECONNRESET|57P\d\d|08\d\d\d)$/.test(code);
}

/**
 * A clause as a sentence: a full stop added unless it already ends one, so a message made of another
 * (an SMTP server's, a parser's) never reads "…failed..".
 *
 *   sentence('connection refused') → 'connection refused.'
 *   sentence('550 Mailbox unavailable.') → '550 Mailbox unavailable.'
 */
export function sentence(clause: string): string {
  const text = clause.trimEnd();
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
