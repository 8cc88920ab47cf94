import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/client';
import { saveErrorText } from './postmortem-error';

describe('saveErrorText', () => {
  it("says Vigil's message, then what to do next for the status", () => {
    const error = new ApiError(409, 'conflict', 'The post-mortem of INC-7 is published and read-only');
    expect(saveErrorText(error)).toBe(
      'The post-mortem of INC-7 is published and read-only. Reload the page to see the current state.',
    );
  });

  it('names each invalid field', () => {
    const error = new ApiError(422, 'validation', 'Some fields are invalid.', {
      'actionItems.0.dueDate': 'must be a date as YYYY-MM-DD',
    });
    expect(saveErrorText(error)).toBe(
      'Some fields are invalid. actionItems.0.dueDate: must be a date as YYYY-MM-DD.',
    );
  });

  it("shows any other error's message", () => {
    expect(saveErrorText(new Error('boom'))).toBe('boom');
  });
});
