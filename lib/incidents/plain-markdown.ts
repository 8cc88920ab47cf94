/**
 * One line of people's Markdown as the plain text a reader sees, pure and client-safe: the timeline
 * quotes the first line of a note in a sentence, which is shown as text (and escaped as text in the
 * post-mortem export), so `**` or `[…](…)` would otherwise show raw. Emphasis, strikethrough, code
 * spans, links, images and line-start block markers (heading, quote, list, task box) are dropped and
 * their text kept; the text inside a code span stays exactly as written.
 *
 *   plainMarkdownLine('## **DB** is `down_now`, see [the graph](https://g/x)') → 'DB is down_now, see the graph'
 *   plainMarkdownLine('- [x] restarted _api_ \\*twice\\*') → 'restarted api *twice*'
 */
export function plainMarkdownLine(line: string): string {
  const body = line
    .trim()
    .replace(/^(?:#{1,6}\s+|>\s*|(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)+/, '')
    .replace(/\s+#+\s*$/, '');
  // Code spans first: what is inside them is literal and must not lose its `*` or `_`.
  return body
    .split(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/)
    .map((part, i) => {
      if (i % 3 === 1) return '';
      if (i % 3 === 2) return part.trim() ? part.replace(/^ (.*) $/, '$1') : part;
      return inline(part);
    })
    .join('');
}

// An escaped marker (`\*`) is set aside as a private-use character while the markers are matched.
const PRIVATE = 0xe000;
const hide = (c: string) => String.fromCharCode(PRIVATE + c.charCodeAt(0));
const unhide = (s: string) =>
  s.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PRIVATE));

function inline(s: string): string {
  const marked = s.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => hide(c));
  const plain = marked
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/\*(?=[^\s*])([^*]*?[^\s*])\*/g, '$1')
    .replace(/\*(?=[^\s*])([^*\s])\*/g, '$1')
    .replace(/(^|[^\w])_(?=[^\s_])([^_]*?[^\s_]|[^\s_])_(?!\w)/g, '$1$2');
  return unhide(plain);
}
