import { formatSeconds } from '@/lib/incidents/incident-metrics';
import { formatUtc } from './format';
import { type Postmortem, SECTION_KEYS, SECTION_TITLES } from './schemas';
import { STATUS_LABELS } from './status';

/**
 * The post-mortem as one Markdown document (`GET /api/v1/incidents/{id}/postmortem.md`). Pure.
 *
 * The document's structure (its `#`/`##` headings, the timeline and action-item lists) is ours;
 * people's text must not break it. One-line values (title, timeline lines, action items, names) are
 * plain text, escaped as inline text. Section bodies are Markdown people meant and stay Markdown:
 * lists, emphasis, links, quotes, code and thematic breaks are left exactly as written. Only what would
 * break the document changes: a heading they wrote moves two levels down (`# Cause` → `### Cause`, so
 * it stays inside its section), a setext underline that would turn their line into a top-level heading
 * is escaped, raw HTML is shown as text (`<` → `&lt;`, outside code and autolinks), and a code fence
 * left open is closed so that it cannot swallow the sections after it.
 *
 *   inlineText('# **boom** <img src=x>\nnext') → '\\# \\*\\*boom\\*\\* &lt;img src=x&gt; next'
 *   blockText('# Cause\n**bold** <script>x</script>') → '### Cause\n**bold** &lt;script>x&lt;/script>'
 */

/**
 * Escapes what CommonMark/GFM give a meaning inside a line (emphasis, code, links, images, tables,
 * strikethrough, a heading's closing #s, HTML), and folds line breaks to spaces. Block markers (`-`,
 * `1.`, `>`) need nothing: the value never starts a line of the document.
 */
export function inlineText(s: string): string {
  return s
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#!|~]/g, (c) => `\\${c}`)
    .trim();
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;

/** User Markdown kept as Markdown, minus what could break the document around it (see the top). */
export function blockText(s: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  let previous = '';
  for (const line of s.replace(/\r\n?/g, '\n').split('\n')) {
    const opener = FENCE.exec(line)?.[1];
    if (fence) {
      out.push(line);
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = null;
      previous = '';
      continue;
    }
    if (opener) {
      fence = opener;
      out.push(line);
      previous = '';
      continue;
    }
    out.push(blockLine(line, previous));
    previous = line;
  }
  if (fence) out.push(fence);
  return out.join('\n').trim();
}

function blockLine(line: string, previous: string): string {
  const heading = ATX_HEADING.exec(line);
  if (heading) {
    const [whole, indent = '', hashes = ''] = heading;
    return `${indent}${'#'.repeat(Math.min(6, hashes.length + 2))}${withoutHtml(line.slice(whole.length))}`;
  }
  // Under a paragraph line, `===` or `---` would make that line a heading of the document's own levels;
  // after a blank line `---` is a thematic break, which is kept.
  if (previous.trim() && SETEXT_UNDERLINE.test(line)) return line.replace(/[=-]/g, (c) => `\\${c}`);
  return withoutHtml(line);
}

/** A code span (left alone: no HTML inside it) or a `<` that does not open an autolink. */
const HTML_START = /(`+)[\s\S]*?[^`]\1(?!`)|<(?!(?:https?|mailto):[^<>\s]+>)/g;

/** `<` outside code spans and autolinks becomes `&lt;`, so no HTML tag or block can start. */
const withoutHtml = (line: string) => line.replace(HTML_START, (m) => (m === '<' ? '&lt;' : m));

export function postmortemMarkdown(pm: Postmortem): string {
  const { incident } = pm;
  const lines: string[] = [];
  lines.push(`# Post-mortem: ${incident.ref} ${inlineText(incident.title)}`, '');
  lines.push(
    `- Status: ${STATUS_LABELS[pm.status]}`,
    `- Severity: ${inlineText(incident.severity)}`,
    `- Opened: ${formatUtc(incident.openedAt)}`,
    `- Resolved: ${incident.resolvedAt ? formatUtc(incident.resolvedAt) : 'not yet'}`,
    `- MTTA (opened to first acknowledgement): ${formatSeconds(incident.mttaSeconds)}`,
    `- MTTR (opened to resolved): ${formatSeconds(incident.mttrSeconds)}`,
  );
  if (pm.author) lines.push(`- Author: ${inlineText(pm.author)}`);
  if (pm.publishedAt) lines.push(`- Published: ${formatUtc(pm.publishedAt)}`);
  for (const key of SECTION_KEYS) {
    lines.push('', `## ${SECTION_TITLES[key]}`, '', blockText(pm.sections[key]) || '_Not written._');
    if (key === 'detection') lines.push('', '## Timeline', '', ...timeline(pm));
  }
  lines.push('', '## Action items', '', ...actionItems(pm));
  return `${lines.join('\n')}\n`;
}

function timeline(pm: Postmortem): string[] {
  const shown = pm.timeline.filter((e) => !e.hidden);
  if (shown.length === 0) return ['_No events._'];
  return shown.map((e) => {
    const line = inlineText(e.text);
    return e.starred ? `- ${formatUtc(e.at)} ★ **${line}**` : `- ${formatUtc(e.at)} ${line}`;
  });
}

function actionItems(pm: Postmortem): string[] {
  if (pm.actionItems.length === 0) return ['_None._'];
  return pm.actionItems.map((a) => {
    const meta = [
      a.owner ? `owner: ${inlineText(a.owner)}` : 'no owner',
      a.dueDate ? `due ${a.dueDate}` : null,
    ].filter(Boolean);
    return `- [${a.done ? 'x' : ' '}] ${inlineText(a.title)} (${meta.join(', ')})`;
  });
}
