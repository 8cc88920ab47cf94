import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/client';
import { ErrorMessage } from './error-message';

describe('ErrorMessage', () => {
  it('renders nothing without an error', () => {
    expect(renderToStaticMarkup(<ErrorMessage error={null} />)).toBe('');
    expect(renderToStaticMarkup(<ErrorMessage error={undefined} />)).toBe('');
  });

  it('announces an ApiError by its field problem and hint', () => {
    const error = new ApiError(
      422,
      'invalid',
      'The request is invalid.',
      { reason: 'Say why.' },
      'See the runbook.',
    );
    expect(renderToStaticMarkup(<ErrorMessage error={error} />)).toBe(
      '<p role="alert" class="text-sm text-danger">Say why. See the runbook.</p>',
    );
  });

  it('shows any other error by its message, boxed when asked', () => {
    expect(renderToStaticMarkup(<ErrorMessage error={new Error('Vigil did not answer.')} boxed />)).toBe(
      '<p role="alert" class="rounded-md border border-danger/40 p-2 text-sm text-danger">Vigil did not answer.</p>',
    );
  });
});
