import type { ReactNode } from 'react';
import { ErrorMessage } from './error-message';

/**
 * What a screen shows of something it fetches: the error, "Loading…" until the first answer, then the
 * answer (`children(data)`).
 *
 * - `errorPlacement="instead"` (a panel): an error takes the answer's place.
 * - `errorPlacement="above"` (a list that refreshes): the error is a banner over the last answer, so the
 *   list does not jump away while an upstream hiccups; with no answer yet, the banner stands alone.
 * - `errorShownElsewhere`: the failure is already said beside the control it concerns (a filter's own
 *   error), so neither a banner nor "Loading…" shows here.
 * - `refreshing` (when given): the answer sits in a block marked aria-busy, dimmed while a newer one is
 *   fetched.
 */
export function StatusBlock<T>({
  data,
  error,
  errorPlacement = 'instead',
  errorShownElsewhere = false,
  loading = 'Loading…',
  refreshing,
  children,
}: {
  data: T | undefined;
  /** Null or undefined when nothing went wrong; shown with errorText (an ApiError's message and hint). */
  error?: unknown;
  errorPlacement?: 'instead' | 'above';
  errorShownElsewhere?: boolean;
  loading?: string;
  refreshing?: boolean;
  children: (data: T) => ReactNode;
}) {
  const failed = error !== null && error !== undefined;
  const banner = errorShownElsewhere ? null : (
    <ErrorMessage error={error} boxed={errorPlacement === 'above'} />
  );
  if (failed && errorPlacement === 'instead') return banner;
  const answer =
    data === undefined ? (
      failed ? null : (
        <p className="text-sm text-muted">{loading}</p>
      )
    ) : refreshing === undefined ? (
      children(data)
    ) : (
      <div aria-busy={refreshing} className={refreshing ? 'opacity-60' : ''}>
        {children(data)}
      </div>
    );
  return (
    <>
      {banner}
      {answer}
    </>
  );
}
