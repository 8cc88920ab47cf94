import { z } from 'zod';
import type { UpstreamAuth } from '@/lib/config/schema';
import { UpstreamError, ValidationError } from '@/lib/errors';
import { authHeaders } from './auth-headers';
import { JsonArrayItems, NotAJsonArrayError } from './json-array-items';
import { endpointOf, observeUpstreamRequest } from './observe';

/**
 * The one HTTP path to Prometheus, Alertmanager and Loki. Every call has a deadline, sends the
 * upstream's auth, parses the answer with a zod schema (so types come from schemas), and turns every
 * failure into an UpstreamError that names the upstream, URL, status and what the operator should check.
 * Upstream credentials never appear in errors: the URL in an error has no userinfo and no query.
 */

type UpstreamSource = 'prometheus' | 'alertmanager' | 'loki';

export type UpstreamTarget = {
  source: UpstreamSource;
  /** "default", or the name from VIGIL_CONFIG (for a peer: "<cluster> peer N"). */
  name: string;
  baseUrl: string;
  auth?: UpstreamAuth;
  /** Extra headers, e.g. Loki's X-Scope-OrgID. */
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The variable or config key an operator should check, e.g. "PROMETHEUS_URL". */
  configHint: string;
  /** The largest answer body read (bytes); a larger one is a 422 (queries people type, see user-queries.ts). */
  maxAnswerBytes?: number;
  /** What a timeout's error tells the operator instead of the generic advice (alert reads size their own deadline). */
  timeoutHint?: string;
};

export type UpstreamRequest<S extends z.ZodType> = {
  method?: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | readonly string[] | undefined>;
  /** JSON body. */
  json?: unknown;
  /** application/x-www-form-urlencoded body (Prometheus: long expressions). */
  form?: Record<string, string | number | undefined>;
  schema: S;
  /**
   * Reads the upstream's error body into a message: Alertmanager sends bare JSON strings or {code,
   * message}, Prometheus an envelope, Loki plain text with a JSON content type.
   */
  errorMessage: (status: number, body: string) => string;
  /** When the upstream answers 2xx with an empty body (Alertmanager's DELETE), parse this instead. */
  emptyBody?: unknown;
  /** The answer is plain text (`/-/ready`, Loki's `/ready`): the schema gets the string, not parsed JSON. */
  text?: boolean;
  /**
   * The answer is a JSON array (`schema` is a `z.array`) read item by item as it arrives, each parsed and
   * validated on its own, so the whole text and its parsed tree never exist at once (json-array-items.ts):
   * for answers of megabytes, such as Alertmanager's alert list.
   */
  items?: boolean;
  signal?: AbortSignal;
};

/** base + path + query, dropping undefined values and repeating array values (`filter=a&filter=b`). */
export function buildUrl(
  baseUrl: string,
  path: string,
  query: UpstreamRequest<z.ZodType>['query'] = {},
): URL {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
  }
  return url;
}

/** The URL as it may appear in errors and logs: no credentials, no query string. */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** The deadline passed before the whole answer arrived. */
export class UpstreamTimeoutError extends UpstreamError {}

function networkFailure(target: UpstreamTarget, url: URL, error: unknown): UpstreamError {
  const err = error as Error & { cause?: { code?: string } };
  const where = `${label(target)} at ${url.host}`;
  if (err.name === 'TimeoutError')
    return new UpstreamTimeoutError(
      target.source,
      displayUrl(url),
      undefined,
      `${where} did not answer within ${target.timeoutMs} ms`,
      target.timeoutHint ??
        `It may be overloaded or unreachable; check that it runs, or raise VIGIL_UPSTREAM_TIMEOUT_SECONDS (upstreamTimeout, or this upstream's timeout, in VIGIL_CONFIG).`,
    );
  const code = err.cause?.code ?? err.name;
  const hints: Record<string, string> = {
    ECONNREFUSED: `${where} refused the connection; check that it runs and that ${target.configHint} is right.`,
    ENOTFOUND: `The host ${url.hostname} is unknown; check ${target.configHint}.`,
    ECONNRESET: `${where} dropped the connection; check its logs.`,
    UND_ERR_SOCKET: `${where} closed the connection; it may have stopped or restarted.`,
  };
  return new UpstreamError(
    target.source,
    displayUrl(url),
    undefined,
    `${where} could not be reached (${code})`,
    hints[code] ?? `Check that it runs and that ${target.configHint} is right.`,
  );
}

export function label(target: Pick<UpstreamTarget, 'source' | 'name'>): string {
  const kind = { prometheus: 'Prometheus', alertmanager: 'Alertmanager', loki: 'Loki' }[target.source];
  return target.name === 'default' ? kind : `${kind} ${target.name}`;
}

function statusHint(target: UpstreamTarget, status: number): string {
  if (status === 401 || status === 403)
    return `${label(target)} refused Vigil's credentials; check the auth of this upstream in VIGIL_CONFIG.`;
  if (status === 404)
    return `The path does not exist there; check that ${target.configHint} points at ${label(target)} itself.`;
  if (status === 429 || status === 503)
    return `${label(target)} is overloaded or not ready yet; it usually recovers by itself.`;
  if (status >= 500) return `${label(target)} failed; its own log says why.`;
  return 'The request was refused as shown; fix the input and try again.';
}

/** An upstream answer over the target's `maxAnswerBytes`: the query asked for too much (422). */
class AnswerTooLargeError extends ValidationError {
  constructor(target: UpstreamTarget, max: number) {
    super(
      `${label(target)}'s answer is larger than ${Math.round((max / 1024 / 1024) * 10) / 10} MB, the most Vigil reads; narrow the query (fewer series, a shorter range or a larger step).`,
      { query: 'answer too large' },
    );
  }
}

/**
 * Hands the body's chunks to `take` until the body ends, `take` returns false, or more than
 * `target.maxAnswerBytes` have arrived (AnswerTooLargeError). A body left unread is cancelled.
 */
async function readChunks(
  target: UpstreamTarget,
  res: Response,
  take: (chunk: Uint8Array) => boolean,
): Promise<void> {
  const body = res.body;
  if (!body) return;
  const max = target.maxAnswerBytes;
  if (max !== undefined && Number(res.headers.get('content-length') ?? 0) > max) {
    await body.cancel().catch(() => {});
    throw new AnswerTooLargeError(target, max);
  }
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (max !== undefined && size > max) throw new AnswerTooLargeError(target, max);
      if (!take(value)) return;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** The body as text, read no further than `target.maxAnswerBytes` when it has one. */
async function readAnswer(target: UpstreamTarget, res: Response): Promise<string> {
  if (target.maxAnswerBytes === undefined || !res.body) return res.text();
  const decoder = new TextDecoder();
  let text = '';
  await readChunks(target, res, (chunk) => {
    text += decoder.decode(chunk, { stream: true });
    return true;
  });
  return text + decoder.decode();
}

/** What reading an answer item by item found wrong, reported as the whole-body path reports it. */
type ItemsOutcome =
  | { ok: true; items: unknown[] }
  | { ok: false; notJson: true; head: string }
  | { ok: false; notJson: false; issue: z.core.$ZodIssue | undefined; index: number };

/** A 2xx JSON array, parsed and validated item by item (`request.items`). */
async function readItems(
  target: UpstreamTarget,
  res: Response,
  itemSchema: z.ZodType,
): Promise<ItemsOutcome> {
  const items: unknown[] = [];
  let failed: ItemsOutcome | undefined;
  const notJson = () => ({ ok: false as const, notJson: true as const, head: '' });
  const splitter = new JsonArrayItems((text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      failed = notJson();
      return;
    }
    const parsed = itemSchema.safeParse(value);
    if (parsed.success) items.push(parsed.data);
    else failed = { ok: false, notJson: false, issue: parsed.error.issues[0], index: items.length };
  });
  // The start of the body, quoted when it turns out not to be JSON.
  let head = '';
  try {
    await readChunks(target, res, (chunk) => {
      if (head.length < 80) head += new TextDecoder().decode(chunk.subarray(0, 80));
      splitter.push(chunk);
      return !failed;
    });
    if (!failed) splitter.end();
  } catch (error) {
    if (!(error instanceof NotAJsonArrayError)) throw error;
    failed = notJson();
  }
  if (failed?.ok === false && failed.notJson) return { ...failed, head: head.slice(0, 80) };
  return failed ?? { ok: true, items };
}

export async function requestUpstream<S extends z.ZodType>(
  target: UpstreamTarget,
  request: UpstreamRequest<S>,
): Promise<z.infer<S>> {
  const url = buildUrl(target.baseUrl, request.path, request.query);
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...authHeaders(target.auth),
    ...target.headers,
  };
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(
      Object.entries(request.form).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    ).toString();
  }
  // One deadline for the whole exchange, body included. Not AbortSignal.timeout + AbortSignal.any:
  // on Node 20 a combined signal can be collected mid-request and then never aborts a body read, so an
  // upstream that sends headers and stalls would hang the poller for good (e2e/faults/stalled-upstream-body).
  const controller = new AbortController();
  const deadline = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${target.timeoutMs} ms`, 'TimeoutError')),
    target.timeoutMs,
  );
  // The abort alone does not always end a body read in Next's server (its fetch wraps Node's), so the
  // read also races this promise, which settles at the deadline whatever fetch does.
  const timedOut = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }),
  );
  timedOut.catch(() => {});
  const forwardAbort = () => controller.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', forwardAbort, { once: true });
  const started = performance.now();
  const observe = (status: number | undefined, ok: boolean) =>
    observeUpstreamRequest({
      source: target.source,
      name: target.name,
      endpoint: endpointOf(request.path),
      status,
      ok,
      seconds: (performance.now() - started) / 1000,
    });

  const method = request.method ?? (body ? 'POST' : 'GET');
  const itemSchema = request.items ? arrayItemSchema(request.schema) : undefined;
  const send = async (): Promise<{ res: Response; text: string; items?: ItemsOutcome }> => {
    const res = await Promise.race([
      fetch(url, { method, headers, body, signal: controller.signal, cache: 'no-store', redirect: 'error' }),
      timedOut,
    ]);
    if (itemSchema && res.ok)
      return { res, text: '', items: await Promise.race([readItems(target, res, itemSchema), timedOut]) };
    return { res, text: await Promise.race([readAnswer(target, res), timedOut]) };
  };
  let response: Response;
  let text: string;
  let items: ItemsOutcome | undefined;
  try {
    ({
      res: response,
      text,
      items,
    } = await send().catch((error: Error & { cause?: { code?: string } }) => {
      // A kept-alive connection the upstream closed in the meantime fails at once on reuse; a read is
      // safe to send again on a fresh connection. Writes are never repeated.
      if (method === 'GET' && ['UND_ERR_SOCKET', 'ECONNRESET'].includes(error.cause?.code ?? ''))
        return send();
      throw error;
    }));
  } catch (error) {
    observe(undefined, false);
    if (error instanceof AnswerTooLargeError) throw error;
    throw networkFailure(target, url, error);
  } finally {
    clearTimeout(deadline);
    request.signal?.removeEventListener('abort', forwardAbort);
  }

  if (!response.ok) {
    observe(response.status, false);
    throw new UpstreamError(
      target.source,
      displayUrl(url),
      response.status,
      `${label(target)} answered ${response.status}: ${request.errorMessage(response.status, text)}`,
      statusHint(target, response.status),
    );
  }

  if (items) return itemsResult(target, url, response.status, items, observe) as z.infer<S>;
  let raw: unknown;
  if (request.text) raw = text;
  else if (text.trim() === '' && request.emptyBody !== undefined) raw = request.emptyBody;
  else {
    try {
      raw = JSON.parse(text);
    } catch {
      observe(response.status, false);
      throw notJsonError(target, url, response.status, text.slice(0, 80));
    }
  }
  const parsed = request.schema.safeParse(raw);
  if (!parsed.success) {
    observe(response.status, false);
    throw shapeError(target, url, response.status, parsed.error.issues[0]);
  }
  observe(response.status, true);
  return parsed.data;
}

/** The item schema of a `z.array` (what `request.items` validates each item with). */
function arrayItemSchema(schema: z.ZodType): z.ZodType {
  if (!(schema instanceof z.ZodArray)) throw new TypeError('request.items needs a z.array schema');
  return schema.element as z.ZodType;
}

function itemsResult(
  target: UpstreamTarget,
  url: URL,
  status: number,
  outcome: ItemsOutcome,
  observe: (status: number, ok: boolean) => void,
): unknown[] {
  observe(status, outcome.ok);
  if (outcome.ok) return outcome.items;
  if (outcome.notJson) throw notJsonError(target, url, status, outcome.head);
  // The path as the whole array's schema would give it: the item's index first.
  const issue = outcome.issue && { ...outcome.issue, path: [outcome.index, ...outcome.issue.path] };
  throw shapeError(target, url, status, issue);
}

function notJsonError(target: UpstreamTarget, url: URL, status: number, head: string): UpstreamError {
  return new UpstreamError(
    target.source,
    displayUrl(url),
    status,
    `${label(target)} answered ${status} with a body that is not JSON (${head || 'empty'})`,
    `Something else may answer at ${target.configHint}, such as a proxy's error page.`,
  );
}

function shapeError(
  target: UpstreamTarget,
  url: URL,
  status: number,
  issue: Pick<z.core.$ZodIssue, 'path' | 'message'> | undefined,
): UpstreamError {
  return new UpstreamError(
    target.source,
    displayUrl(url),
    status,
    `${label(target)} answered with an unexpected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    `Vigil supports the API of Prometheus 2.x, Alertmanager 0.2x and Loki 2.x/3.x; check the version behind ${target.configHint}.`,
  );
}
