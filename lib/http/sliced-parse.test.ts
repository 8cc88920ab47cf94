import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInSlices } from './sliced-parse';

const body = {
  envelope: z.object({ name: z.string(), xs: z.array(z.unknown()) }),
  key: 'xs',
  item: z.number().transform((n) => n * 10),
  slice: 2,
};

describe('parseInSlices', () => {
  it('gives what the envelope made of the input, with the parsed items in place', async () => {
    expect(await parseInSlices(body, { name: 'a', xs: [1, 2, 3], extra: true })).toEqual({
      success: true,
      data: { name: 'a', xs: [10, 20, 30] },
    });
  });

  it("reports the envelope's issues and every bad item's, each item under its index", async () => {
    const result = await parseInSlices(body, { name: 7, xs: [1, 'two', 3, null] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((i) => i.path)).toEqual([['name'], ['xs', 1], ['xs', 3]]);
  });

  it('leaves the event loop free between slices', async () => {
    const order: string[] = [];
    const item = z.number().transform((n) => {
      order.push(`item ${n}`);
      return n;
    });
    setImmediate(() => order.push('another task'));
    await parseInSlices({ ...body, item }, { name: 'a', xs: [1, 2, 3, 4, 5] });
    expect(order).toEqual(['item 1', 'item 2', 'another task', 'item 3', 'item 4', 'item 5']);
  });
});
