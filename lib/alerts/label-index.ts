import { z } from 'zod';
import { compareStrings } from '@/lib/alertmanager/alert-order';

/**
 * Label names and values of the current alerts, with how many alerts carry each, for the filter bar's
 * autocomplete (`GET /api/v1/alerts/labels`). Pure.
 */

export const alertLabelsQuerySchema = z.object({
  /** Without it: label names; with it: the values of that label. */
  name: z.string().max(200).optional(),
  /** Keeps suggestions that start with it, ignoring case. */
  prefix: z.string().max(200).default(''),
});

const suggestionsSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

/**
 * Label names (`names`), or the values of the label asked for (`name` and `values`): most frequent
 * first, ties alphabetically, at most SUGGESTION_LIMIT; `truncated` when more matched (type more).
 */
export const alertLabelsResponseSchema = z.union([
  z.object({ names: suggestionsSchema, truncated: z.boolean() }),
  z.object({ name: z.string(), values: suggestionsSchema, truncated: z.boolean() }),
]);
export type AlertLabelsResponse = z.infer<typeof alertLabelsResponseSchema>;

const SUGGESTION_LIMIT = 50;

/** Label name → value → number of alerts. */
export type LabelIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** @example buildLabelIndex([{job:'node', instance:'a'}, {job:'node'}]) → {job → {node → 2}, instance → {a → 1}} */
export function buildLabelIndex(labelSets: Iterable<Readonly<Record<string, string>>>): LabelIndex {
  const index = new Map<string, Map<string, number>>();
  for (const labels of labelSets)
    for (const name in labels) {
      const value = labels[name] ?? '';
      let values = index.get(name);
      if (!values) {
        values = new Map();
        index.set(name, values);
      }
      values.set(value, (values.get(value) ?? 0) + 1);
    }
  return index;
}

/**
 * Suggestions for the filter bar: label names (with the number of alerts carrying each) or, with `name`,
 * that label's values; only those starting with `prefix` (case-insensitive).
 *
 *   labelSuggestions(index, {prefix: 'ins'}) → {names: [{value:'instance', count:9000}], truncated: false}
 *   labelSuggestions(index, {name: 'severity', prefix: ''})
 *   → {name:'severity', values: [{value:'warning', count:6000}, {value:'critical', count:3000}], truncated: false}
 *   labelSuggestions(index, {name: 'nope', prefix: ''}) → {name:'nope', values: [], truncated: false}
 */
export function labelSuggestions(
  index: LabelIndex,
  { name, prefix }: { name?: string; prefix: string },
  limit = SUGGESTION_LIMIT,
): AlertLabelsResponse {
  const counts: Iterable<[string, number]> =
    name === undefined
      ? [...index].map(([n, values]) => [n, sum(values.values())] as [string, number])
      : (index.get(name) ?? []);
  const p = prefix.toLowerCase();
  const matching = [...counts]
    .filter(([value]) => value.toLowerCase().startsWith(p))
    .sort(([a, ca], [b, cb]) => cb - ca || compareStrings(a, b));
  const top = matching.slice(0, limit).map(([value, count]) => ({ value, count }));
  const truncated = matching.length > limit;
  return name === undefined ? { names: top, truncated } : { name, values: top, truncated };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
