import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('errorMessage', () => {
  it('reads a parse error envelope (400 bad_data)', () => {
    expect(errorMessage(400, fixture('error-bad-promql.json'))).toBe(
      'bad_data: invalid parameter "query": 1:38: parse error: unexpected <by> in aggregation',
    );
  });

  it('reads an evaluation error envelope (422 execution)', () => {
    expect(errorMessage(422, fixture('error-execution-many-to-many.json'))).toMatch(
      /^execution: found duplicate series for the match group .*many-to-many matching not allowed/,
    );
  });

  it('reads an envelope without errorType', () => {
    expect(errorMessage(500, '{"status":"error","error":"boom"}')).toBe('boom');
  });

  it("reads Prometheus's text/plain 404 for an unknown path", () => {
    expect(errorMessage(404, fixture('error-unknown-endpoint.txt'))).toBe('404 page not found');
  });

  it('puts an HTML error page on one line and cuts it short', () => {
    const html = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${'x'.repeat(500)}</body></html>`;
    const message = errorMessage(502, html);
    expect(message.startsWith('<html> <head><title>502 Bad Gateway</title></head> <body>xxx')).toBe(true);
    expect(message).toHaveLength(201);
    expect(message.endsWith('…')).toBe(true);
  });

  it('shows JSON that is not an error envelope as text', () => {
    expect(errorMessage(401, '{"message":"Unauthorized"}')).toBe('{"message":"Unauthorized"}');
  });

  it('names an empty body', () => {
    expect(errorMessage(503, ' \n')).toBe('(empty body)');
  });
});
