/**
 * About how many instructions RE2 compiles a regex to, read from its text without compiling it. Pure.
 *
 * RE2 matches in time linear in the value, but compiling is linear in the program, and counted
 * repetitions multiply it: `.{0,1000}` repeated twenty times, in a 180-character filter, is a
 * 40,000-instruction program that re2js takes close to a second to build, blocking the process. So a
 * pattern's size is estimated first, and a large one refused before it is compiled. Every atom (a
 * character, a class, an escape) counts 1, an operator 1, and `x{n,m}` counts x n times and x plus 1
 * (the choice to stop) m − n times (`x{n,}`: x n times, then x*), through nested groups:
 *
 *   regexSize('db-.*') → 5
 *   regexSize('[0-9a-f]{64}') → 64
 *   regexSize('((ab){10}){10}') → 200
 *   regexSize('.{0,1000}') → 2000
 *
 * It reads RE2's syntax loosely (a malformed pattern gets some number; RE2 then says what is wrong).
 */
export function regexSize(source: string): number {
  // The running size of each open group, innermost last; `last` is the size of the item just read,
  // which a following counted repetition multiplies.
  const open: number[] = [0];
  let last = 0;
  const add = (n: number) => {
    open[open.length - 1] = (open.at(-1) ?? 0) + n;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    let atom = 1;
    if (c === '\\') {
      const quoted = source[i + 1] === 'Q';
      const end = quoted ? endOf(source, '\\E', i + 2) : escapeEnd(source, i);
      if (quoted) atom = Math.max(1, end - (i + 2));
      i = quoted ? end + 1 : end;
    } else if (c === '[') i = classEnd(source, i);
    else if (c === '(') {
      open.push(0);
      continue;
    } else if (c === ')') {
      atom = open.length > 1 ? (open.pop() ?? 0) : 0;
    } else if (c === '{') {
      const repeat = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 16));
      if (repeat) {
        const min = Number(repeat[1]);
        const optional = repeat[2] === undefined ? 0 : repeat[3] === '' ? 1 : Number(repeat[3]) - min;
        const size = min * last + Math.max(optional, 0) * (last + 1);
        add(size - last);
        last = size;
        i += repeat[0].length - 1;
        continue;
      }
    } else if (c === '*' || c === '+' || c === '?' || c === '|') {
      add(1);
      continue;
    }
    add(atom);
    last = atom;
  }
  return open.reduce((sum, n) => sum + n, 0);
}

/** Where `marker` starts at or after `from`, or the end of the text. */
function endOf(source: string, marker: string, from: number): number {
  const at = source.indexOf(marker, from);
  return at < 0 ? source.length : at;
}

/** The last index of the escape at `i`: `\d`, `\x{263a}`, `\p{Greek}`. */
function escapeEnd(source: string, i: number): number {
  const kind = source[i + 1];
  if ((kind === 'x' || kind === 'p' || kind === 'P') && source[i + 2] === '{')
    return endOf(source, '}', i + 2);
  return i + 1;
}

/** The index of the `]` closing the class at `i` (a `]` first in the class is a member, as `[:alpha:]` is). */
function classEnd(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++;
  for (; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source.startsWith('[:', j)) j = endOf(source, ':]', j + 2) + 1;
    else if (source[j] === ']') return j;
  }
  return source.length;
}
