import type { SilencePreview } from '@/lib/incidents/silence-preview';
import type { SilenceSaved, SilencesAnswer } from '@/lib/incidents/silence-schemas';

/**
 * The silences API as the browser calls it. A failure becomes a SilenceApiError that keeps the field
 * errors (for the form) and a message that says what to do next (for everything else).
 */

export class SilenceApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SilenceApiError';
  }
}

type ErrorBody = {
  error?: {
    code?: string;
    message?: string;
    fields?: Record<string, string>;
    hint?: string;
    source?: string;
  };
};

/**
 * The error of an answer, worded for the person at the console: Alertmanager's and PostgreSQL's words
 * are kept verbatim (they name the matcher, peer or setting at fault), with what to do added.
 *
 *   apiErrorFrom(502, {error:{message:'Alertmanager 10.0.0.5:9093 refused the connection', hint:'check ALERTMANAGER_URLS'}})
 *     → 'Alertmanager 10.0.0.5:9093 refused the connection. check ALERTMANAGER_URLS. Nothing was changed; …'
 *   apiErrorFrom(422, {error:{message:'The silence times are not valid.', fields:{endsAt:'the end time is in the past'}}})
 *     → 'The silence times are not valid. endsAt: the end time is in the past.' (fields kept for the form)
 */
export function apiErrorFrom(status: number, body: unknown): SilenceApiError {
  const error = (body as ErrorBody | null)?.error ?? {};
  const fields = error.fields ?? {};
  const said = [error.message, ...Object.entries(fields).map(([f, why]) => `${f}: ${why}`), error.hint]
    .filter((s): s is string => Boolean(s))
    .map((s) => s.trim().replace(/([^.!?])$/, '$1.'));
  const next = {
    401: 'Your session has ended; sign in again.',
    403: 'Changing silences needs the responder role; ask an admin.',
    404: 'It may have been deleted after its retention; reload the list.',
    502: 'Nothing was changed; fix what this names, or try again once Alertmanager answers.',
    503: '',
  }[status];
  const message = [...said, next].filter(Boolean).join(' ') || `Vigil answered ${status}.`;
  return new SilenceApiError(message, status, fields);
}

async function call<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      headers: json === undefined ? rest.headers : { 'content-type': 'application/json' },
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new SilenceApiError('Vigil did not answer; check your connection and that the server runs.', 0);
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw apiErrorFrom(res.status, body);
  return body as T;
}

export const fetchSilences = (query: string, signal?: AbortSignal) =>
  call<SilencesAnswer>(`/api/v1/silences?${query}`, { signal });

export const previewSilence = (body: { matchers: string; cluster?: string }, signal?: AbortSignal) =>
  call<SilencePreview>('/api/v1/silences/preview', { method: 'POST', json: body, signal });

export const createSilence = (body: Record<string, unknown>) =>
  call<SilenceSaved>('/api/v1/silences', { method: 'POST', json: body });

export const updateSilence = (id: string, body: Record<string, unknown>) =>
  call<SilenceSaved>(`/api/v1/silences/${encodeURIComponent(id)}`, { method: 'PUT', json: body });

export const expireSilence = (id: string, cluster: string) =>
  call<SilenceSaved>(`/api/v1/silences/${encodeURIComponent(id)}?cluster=${encodeURIComponent(cluster)}`, {
    method: 'DELETE',
  });
