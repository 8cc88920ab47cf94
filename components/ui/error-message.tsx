import { errorText } from '@/lib/api/client';

/**
 * What went wrong, announced to screen readers (role="alert"), or nothing when `error` is null or
 * undefined. An ApiError shows its display text (the field's problem or the message, then the hint).
 * `boxed` sets it apart above a list it does not replace.
 */
export function ErrorMessage({ error, boxed = false }: { error: unknown; boxed?: boolean }) {
  if (error === null || error === undefined) return null;
  return (
    <p
      role="alert"
      className={boxed ? 'rounded-md border border-danger/40 p-2 text-sm text-danger' : 'text-sm text-danger'}
    >
      {errorText(error)}
    </p>
  );
}
