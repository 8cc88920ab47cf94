import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instantQueryResponseSchema, rangeQueryResponseSchema } from '@/lib/prometheus/schemas';
import { promQueryAnswerSchema } from './api-schema';

/**
 * `GET /api/v1/query` answers what the Prometheus client parsed, as JSON: the answer schema must take
 * every result type exactly (route() checks answers against it in tests), NaN and ±Inf included.
 */

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../prometheus/fixtures/${name}`, import.meta.url), 'utf8'));

/** What the route sends for a parsed result. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

function dataOf<T>(parsed: { status: 'success'; data: T } | { status: 'error' }): T {
  if (parsed.status !== 'success') throw new Error(`expected a success envelope, got ${parsed.status}`);
  return parsed.data;
}

describe('promQueryAnswerSchema', () => {
  it.each([
    'query-up.json',
    'query-empty.json',
    'query-scalar.json',
    'query-string.json',
    'query-matrix-range-selector.json',
  ])('takes the instant result of %s exactly', (name) => {
    const json = asJson(dataOf(instantQueryResponseSchema.parse(fixture(name))));
    // Parsing drops keys the schema does not declare, so equality shows there are none.
    expect(promQueryAnswerSchema.parse(json)).toEqual(json);
  });

  it('takes a range result as {type: matrix, series}', () => {
    const series = dataOf(rangeQueryResponseSchema.parse(fixture('query_range-cpu-by-mode.json')));
    const json = asJson({ type: 'matrix', series });
    expect(json.series.length).toBeGreaterThan(0);
    expect(promQueryAnswerSchema.parse(json)).toEqual(json);
  });

  it('reads NaN and infinities, which JSON sends as null, as null', () => {
    const parsed = dataOf(
      instantQueryResponseSchema.parse({
        status: 'success',
        data: {
          resultType: 'vector',
          result: [
            { metric: {}, value: [1, 'NaN'] },
            { metric: {}, value: [1, '+Inf'] },
          ],
        },
      }),
    );
    const answer = promQueryAnswerSchema.parse(asJson(parsed));
    expect(answer.type === 'vector' && answer.samples.map((s) => s.value)).toEqual([null, null]);
  });
});
