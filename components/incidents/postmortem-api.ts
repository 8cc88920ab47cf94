import type { Postmortem, PostmortemPut } from '@/lib/postmortems/schemas';

/** The post-mortem API as the editor calls it; a failure says what to do next. */

export class PostmortemApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'PostmortemApiError';
  }
}

const NEXT_STEP: Record<number, string> = {
  401: 'Your session has ended; sign in again.',
  403: 'Ask an admin if you need this changed.',
  404: 'The incident no longer exists; go back to /incidents.',
  409: 'Reload the page to see the current state.',
};

/**
 *   errorFrom(409, {error: {message: 'The post-mortem of INC-7 is published and read-only; …'}})
 *     → 'The post-mortem of INC-7 is published and read-only; …. Reload the page to see the current state.'
 */
export function errorFrom(status: number, body: unknown): PostmortemApiError {
  const error = (body as { error?: { message?: string; fields?: Record<string, string> } } | null)?.error;
  const fields = error?.fields ?? {};
  const said = [error?.message, ...Object.entries(fields).map(([f, why]) => `${f}: ${why}`)]
    .filter((s): s is string => Boolean(s))
    .map((s) => s.trim().replace(/([^.!?])$/, '$1.'));
  const message = [...said, NEXT_STEP[status]].filter(Boolean).join(' ') || `Vigil answered ${status}.`;
  return new PostmortemApiError(message, status, fields);
}

export async function putPostmortem(incident: string, body: PostmortemPut): Promise<Postmortem> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/incidents/${encodeURIComponent(incident)}/postmortem`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new PostmortemApiError('Vigil did not answer; check your connection and try again.', 0);
  }
  const answer = await res.json().catch(() => null);
  if (!res.ok) throw errorFrom(res.status, answer);
  return answer as Postmortem;
}

export const markdownUrl = (incident: string) =>
  `/api/v1/incidents/${encodeURIComponent(incident)}/postmortem.md`;
