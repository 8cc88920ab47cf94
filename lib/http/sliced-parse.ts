import type { Operation } from '@/lib/api/operation';
import { sliceBudget } from '@/lib/event-loop';

/**
 * A body with one large array whose items are checked a slice at a time: `envelope` checks everything
 * else and declares the array as `z.array(z.unknown())`; `item` checks each of its items.
 */
type SlicedBody = NonNullable<Operation['bodyInSlices']>;

type Issue = { path: PropertyKey[]; message: string };
type SlicedParseResult = { success: true; data: unknown } | { success: false; error: { issues: Issue[] } };

/**
 * Parses `input` as the envelope, then the array under `key` item by item, `slice` items at a time with
 * the event loop free in between, so a webhook notification of thousands of alerts never holds the
 * process (issue 14: zod took 40 ms for the first notifications of 830 alerts, before V8 optimised it,
 * and several such notifications arrive at once). Items keep their paths in issues (`alerts.3.labels`),
 * and the result is what the envelope made of the input, with the parsed items in place.
 *
 *   await parseInSlices({envelope: z.object({xs: z.array(z.unknown())}), key: 'xs', item: z.number()}, {xs: [1, 'a']})
 *     → {success: false, error: {issues: [{path: ['xs', 1], message: 'Invalid input: expected number, received string'}]}}
 */
export async function parseInSlices(body: SlicedBody, input: unknown): Promise<SlicedParseResult> {
  const envelope = body.envelope.safeParse(input);
  const issues: Issue[] = envelope.success ? [] : envelope.error.issues;
  const items = (input as Record<string, unknown> | null)?.[body.key];
  const parsed: unknown[] = [];
  if (Array.isArray(items)) {
    const slices = sliceBudget(body.slice ?? 100);
    for (let i = 0; i < items.length; i++) {
      if (i > 0 && slices.spent()) await slices.next();
      const result = body.item.safeParse(items[i]);
      if (result.success) parsed.push(result.data);
      else
        for (const issue of result.error.issues)
          issues.push({ ...issue, path: [body.key, i, ...issue.path] });
    }
  }
  if (!envelope.success || issues.length > 0) return { success: false, error: { issues } };
  return { success: true, data: { ...(envelope.data as Record<string, unknown>), [body.key]: parsed } };
}
