import { describe, expect, it } from 'vitest';
import { errorMessage } from './client';
import { readTextFixture } from './fixtures';

describe('errorMessage', () => {
  it("returns Loki's plain-text 400 bodies as they are, trimmed", () => {
    expect(errorMessage(400, readTextFixture('error-bad-logql.txt'))).toBe(
      'parse error at line 1, col 17: syntax error: unexpected $end, expecting STRING or ip',
    );
    expect(errorMessage(400, readTextFixture('error-empty-selector.txt'))).toMatch(
      /^parse error : queries require at least one regexp or equality matcher/,
    );
    expect(errorMessage(503, readTextFixture('ready-not-ready.txt'))).toBe(
      'Ingester not ready: waiting for 15s after being ready',
    );
  });

  it('does not interpret a JSON-looking body', () => {
    expect(errorMessage(500, ' {"message":"x"}\n')).toBe('{"message":"x"}');
  });

  it('says when the body is empty', () => {
    expect(errorMessage(502, ' \n')).toBe('empty body');
  });

  it("cuts a long body such as a proxy's HTML page", () => {
    const message = errorMessage(502, `<html>${'x'.repeat(1000)}</html>`);
    expect(message).toHaveLength(301);
    expect(message.endsWith('…')).toBe(true);
  });
});
