import { ApiError, errorText } from '@/lib/api/client';

/** What to do next after the silences API refused, by status; a 503's message says it already. */
const NEXT: Partial<Record<number, string>> = {
  401: 'Your session has ended; sign in again.',
  403: 'Changing silences needs the responder role; ask an admin.',
  404: 'It may have been deleted after its retention; reload the list.',
  502: 'Nothing was changed; fix what this names, or try again once Alertmanager answers.',
};

/**
 * A refusal of the silences API, worded for the person at the console: Alertmanager's and PostgreSQL's
 * words are kept verbatim (they name the matcher, peer or setting at fault), every field problem is
 * named, and what to do next is added. Other errors: their own text.
 *
 *   502 {message:'Alertmanager 10.0.0.5:9093 refused the connection', hint:'check ALERTMANAGER_URLS'}
 *     → 'Alertmanager 10.0.0.5:9093 refused the connection. check ALERTMANAGER_URLS. Nothing was changed; …'
 *   422 {message:'The silence times are not valid.', fields:{endsAt:'the end time is in the past'}}
 *     → 'The silence times are not valid. endsAt: the end time is in the past.'
 */
export function silenceErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return errorText(error);
  const said = [error.message, ...Object.entries(error.fields).map(([f, why]) => `${f}: ${why}`), error.hint]
    .filter((s): s is string => Boolean(s))
    .map((s) => s.trim().replace(/([^.!?])$/, '$1.'));
  return [...said, NEXT[error.status]].filter(Boolean).join(' ');
}
