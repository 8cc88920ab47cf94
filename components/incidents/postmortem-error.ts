import { ApiError, errorText } from '@/lib/api/client';

/** What to do next after a refused save, by status. */
const NEXT_STEP: Record<number, string> = {
  401: 'Your session has ended; sign in again.',
  403: 'Ask an admin if you need this changed.',
  404: 'The incident no longer exists; go back to /incidents.',
  409: 'Reload the page to see the current state.',
};

/**
 * The editor's words for a refused save: Vigil's message, each field's problem, then the next step.
 *
 *   saveErrorText(new ApiError(409, 'conflict', 'The post-mortem of INC-7 is published and read-only'))
 *     → 'The post-mortem of INC-7 is published and read-only. Reload the page to see the current state.'
 */
export function saveErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return errorText(error);
  const said = [error.message, ...Object.entries(error.fields).map(([field, why]) => `${field}: ${why}`)]
    .filter(Boolean)
    .map((s) => s.trim().replace(/([^.!?])$/, '$1.'));
  return [...said, NEXT_STEP[error.status]].filter(Boolean).join(' ');
}
