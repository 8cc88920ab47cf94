import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message';
import { readFixture } from './testing/fake-alertmanager';

describe('errorMessage (real Alertmanager 0.25 error bodies)', () => {
  it.each([
    [
      'a bare JSON string (bad matcher)',
      400,
      'error-alerts-bad-matcher.json',
      'bad matcher format: alertname~Watchdog',
    ],
    [
      'a bare JSON string (end before start)',
      400,
      'post-silence-error-end-before-start.response.json',
      'Failed to create silence: start time must be before end time',
    ],
    [
      'a bare JSON string (unknown silence)',
      500,
      'delete-silence-unknown-id.response.json',
      'silence not found',
    ],
    [
      '{code, message} (schema error)',
      422,
      'post-silence-error-no-matchers.response.json',
      'matchers in body should have at least 1 items',
    ],
    [
      '{code, message} (malformed JSON)',
      400,
      'post-silence-error-malformed-json.response.json',
      'parsing silence body from "" failed, because unexpected EOF',
    ],
    ['{code, message} (unknown path)', 404, 'error-unknown-path.json', 'path /api/v2/nope was not found'],
    ['an empty body', 404, 'get-silence-unknown-id.response.txt', 'no details (empty body)'],
  ])('reads %s', (_kind, status, file, expected) => {
    expect(errorMessage(status, readFixture(file))).toBe(expected);
  });

  it('keeps plain text (a proxy in front) on one line', () => {
    expect(errorMessage(502, '<html>\n  <h1>502 Bad Gateway</h1>\n</html>\n')).toBe(
      '<html> <h1>502 Bad Gateway</h1> </html>',
    );
  });

  it('keeps other JSON as text', () => {
    expect(errorMessage(500, '{"error":"boom"}')).toBe('{"error":"boom"}');
  });

  it('clips long bodies', () => {
    const message = errorMessage(502, 'x'.repeat(5000));
    expect(message).toHaveLength(201);
    expect(message.endsWith('…')).toBe(true);
  });
});
