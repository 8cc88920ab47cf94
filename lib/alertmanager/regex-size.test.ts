import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { regexSize } from './regex-size';
import { RE2_ATOMS, regexPatterns } from './testing/regex-patterns';

describe('regexSize', () => {
  it.each([
    ['', 0],
    ['db-.*', 5],
    ['[0-9a-f]{64}', 64],
    ['((ab){10}){10}', 200],
    ['.{0,1000}', 2000],
    ['a{2,}', 4],
    ['a{0}', 0],
    // Classes, escapes and quoted text are read whole, whatever they hold.
    ['[a{1000}]', 1],
    ['[]{}]{3}', 3],
    ['[[:alpha:]]{3}', 3],
    [String.raw`\{1000}`, 6],
    [String.raw`\p{Greek}{3}`, 3],
    [String.raw`\x{263a}{3}`, 3],
    [String.raw`\Qa{1000}\E`, 7],
  ])('%s → %d', (source, size) => {
    expect(regexSize(source)).toBe(size);
  });

  it('grows with what RE2 compiles: never less than a third of the program, for generated patterns', () => {
    fc.assert(
      fc.property(regexPatterns(RE2_ATOMS), (source) => {
        const program = RE2JS.compile(`^(?:${source})$`).programSize();
        expect(regexSize(source) * 3 + 20).toBeGreaterThanOrEqual(program);
      }),
      { numRuns: 500 },
    );
  });

  it('sees the size that makes compiling slow before anything is compiled', () => {
    expect(regexSize('.{0,1000}'.repeat(20))).toBe(40_000);
    expect(regexSize('((.{0,10}){10}){10}'.repeat(5))).toBeGreaterThan(5_000);
  });
});
