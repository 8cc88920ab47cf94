import fc from 'fast-check';

/**
 * Generated regex patterns for property tests of label matchers: sequences of atoms with quantifiers,
 * groups and alternation, optionally behind a leading `(?i)`, over the atoms given.
 *
 * @example fc.sample(regexPatterns(SHARED_ATOMS), 3) → ['a[ab]*', '(?i)(-|b)+?', '']
 */

/** Atoms JavaScript and RE2 both read, with the same meaning on ASCII values without \r. */
export const SHARED_ATOMS = [
  'a',
  'b',
  'A',
  '-',
  '.',
  '[ab]',
  '[^a]',
  '[a-b-]',
  String.raw`\.`,
  String.raw`\d`,
  '0',
];

/** RE2 syntax that JavaScript lacks or reads differently: POSIX and Unicode classes, inline flags, \Q…\E. */
export const RE2_ATOMS = [
  ...SHARED_ATOMS,
  '[[:alpha:]]',
  '[[:^digit:]]',
  String.raw`\pL`,
  String.raw`\PL`,
  String.raw`\p{Greek}`,
  '(?i:k)',
  '(?s:.)',
  String.raw`\Q.-\E`,
  String.raw`\w`,
  String.raw`\s`,
  'é',
];

export function regexPatterns(atoms: readonly string[]): fc.Arbitrary<string> {
  const atom = fc.constantFrom(...atoms);
  const { pattern } = fc.letrec<{ pattern: string; seq: string; item: string }>((tie) => ({
    pattern: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('seq'),
      fc.tuple(tie('seq'), tie('seq')).map(([x, y]) => `${x}|${y}`),
    ),
    seq: fc.array(tie('item'), { minLength: 0, maxLength: 4 }).map((items) => items.join('')),
    item: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc
        .tuple(
          fc.oneof(
            atom,
            tie('pattern').map((p) => `(${p})`),
          ),
          fc.constantFrom('*', '+', '?', '{1,2}', '*?'),
        )
        .map(([x, q]) => `${x}${q}`),
      tie('pattern').map((p) => `(?:${p})`),
    ),
  }));
  return fc.tuple(fc.boolean(), pattern).map(([insensitive, p]) => (insensitive ? `(?i)${p}` : p));
}
