import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArrayItems } from './json-array-items';

const bytes = (text: string) => new TextEncoder().encode(text);

/** The items of `text` fed in chunks cut at `cuts` (byte offsets), each parsed; throws as the splitter or JSON.parse does. */
function parseInChunks(text: string | Uint8Array, cuts: number[] = []): unknown[] {
  const body = typeof text === 'string' ? bytes(text) : text;
  const items: unknown[] = [];
  const splitter = new JsonArrayItems((item) => items.push(JSON.parse(item)));
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b).filter((c) => c > 0 && c < body.length)) {
    splitter.push(body.subarray(from, cut));
    from = cut;
  }
  splitter.push(body.subarray(from));
  splitter.end();
  return items;
}

/** What JSON.parse makes of the whole text, when it is an array; 'invalid' otherwise. */
function whole(text: string): unknown[] | 'invalid' {
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value : 'invalid';
  } catch {
    return 'invalid';
  }
}

function chunked(text: string | Uint8Array, cuts: number[] = []): unknown[] | 'invalid' {
  try {
    return parseInChunks(text, cuts);
  } catch {
    return 'invalid';
  }
}

describe('JsonArrayItems', () => {
  it('hands over each item as soon as it is complete', () => {
    const seen: string[] = [];
    const splitter = new JsonArrayItems((item) => seen.push(item));
    splitter.push(bytes('[{"a":"x,]}"},'));
    expect(seen).toEqual(['{"a":"x,]}"}']);
    splitter.push(bytes(' [1, {"b": "\\"]"}] , "s'));
    expect(seen).toHaveLength(2);
    splitter.push(bytes('"]'));
    splitter.end();
    expect(seen.map((s) => JSON.parse(s))).toEqual([{ a: 'x,]}' }, [1, { b: '"]' }], 's']);
  });

  it('reads empty arrays, a byte-order mark and multi-byte characters cut between chunks', () => {
    expect(parseInChunks(' [ ] ')).toEqual([]);
    expect(parseInChunks('\uFEFF[1]', [1, 2])).toEqual([1]);
    const text = '[{"label":"café ☕ 𝄞"}]';
    for (let cut = 1; cut < bytes(text).length; cut++)
      expect(parseInChunks(text, [cut])).toEqual([{ label: 'café ☕ 𝄞' }]);
  });

  it.each([
    ['{"a":1}', 'an object'],
    ['[1,2', 'an array never closed'],
    ['[1] x', 'text after the array'],
    ['[1,]', 'a trailing comma'],
    ['[,1]', 'a leading comma'],
    ['[1,,2]', 'an empty item'],
    ['[{"a":1]}', 'brackets crossed'],
    ['[}]', 'a stray brace'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (text) => {
    expect(chunked(text)).toBe('invalid');
  });

  it('agrees with JSON.parse on any JSON array, however the bytes are cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue()),
        fc.constantFrom(undefined, 1, '\t'),
        fc.array(fc.nat({ max: 4000 }), { maxLength: 12 }),
        (items, indent, cuts) => {
          const text = JSON.stringify(items, null, indent);
          expect(parseInChunks(text, cuts)).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses exactly what JSON.parse refuses (or is not an array), on text near JSON', () => {
    const nearJson = fc
      .tuple(
        fc.array(fc.jsonValue(), { maxLength: 4 }),
        fc.nat(),
        fc.constantFrom('', ',', ']', '[', '}', '{', '"', '\\', ' '),
      )
      .map(([items, at, junk]) => {
        const text = JSON.stringify(items);
        const i = at % (text.length + 1);
        return text.slice(0, i) + junk + text.slice(i + (junk === ' ' ? 0 : at % 2));
      });
    fc.assert(
      fc.property(nearJson, fc.array(fc.nat({ max: 200 }), { maxLength: 5 }), (text, cuts) => {
        expect(chunked(text, cuts)).toEqual(whole(text));
      }),
      { numRuns: 2000 },
    );
  });
});
