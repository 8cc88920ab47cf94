import { errorBodySchema } from './error-body';
import { type Answer, type CallInput, type Operation, operationName, pathOf } from './operation';

/**
 * The browser's one way to call Vigil's API: `callApi(op, input)` builds the URL from the operation's
 * path and query, sends the body as JSON, and answers the operation's response type; a refusal becomes
 * an ApiError that keeps Vigil's message, field errors and hint.
 *
 * @example await callApi(acknowledgeAlertOp, { params: { fingerprint }, query: { cluster }, body: {} })
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly hint?: string,
    /** For a 409: what already exists (e.g. the incident an alert is part of). */
    readonly existing?: { id: string; ref: string },
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** What to show a person: the first field's problem (or the message), then the hint. */
  get display(): string {
    const field = Object.values(this.fields)[0];
    return [field ?? this.message, this.hint].filter(Boolean).join(' ');
  }
}

/** Any error as a sentence to show: an ApiError's display text, another error's message. */
export const errorText = (error: unknown): string =>
  error instanceof ApiError ? error.display : error instanceof Error ? error.message : String(error);

/**
 * `/api/v1/alerts?filter=…`: the path with its parameters filled in, and the query's set values. An
 * empty value is left out (it means "not given"), except for a parameter with a default, where empty is
 * a choice of its own: `group_by=` is no grouping, absent is the default, alertname.
 */
export function urlOf<O extends Operation>(op: O, input: CallInput<O>): string {
  const { params, query } = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  const hasDefault = (name: string) => op.query?.shape[name]?.def.type === 'default';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && (value !== '' || hasDefault(name)))
      search.set(name, String(value));
  const qs = search.toString();
  return `${pathOf(op, params)}${qs ? `?${qs}` : ''}`;
}

export async function callApi<O extends Operation>(
  op: O,
  input: CallInput<O>,
  init: { signal?: AbortSignal } = {},
): Promise<Answer<O>> {
  const body = (input as { body?: unknown }).body;
  let res: Response;
  try {
    res = await fetch(urlOf(op, input), {
      method: op.method,
      signal: init.signal,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Vigil did not answer: check your connection, then try again.');
  }
  if (!res.ok) throw await refusal(op, res);
  if (!('schema' in op.response)) return (await res.text()) as Answer<O>;
  return (await res.json()) as Answer<O>;
}

async function refusal(op: Operation, res: Response): Promise<ApiError> {
  const parsed = errorBodySchema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success)
    return new ApiError(res.status, 'unknown', `${operationName(op)}: Vigil answered ${res.status}.`);
  const { code, message, fields, hint, existing } = parsed.data.error;
  return new ApiError(res.status, code, message, fields, hint, existing);
}
