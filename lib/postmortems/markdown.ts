import { formatSeconds } from '@/lib/incidents/incident-metrics';
import { formatUtc } from './format';
import { type Postmortem, SECTION_KEYS, SECTION_TITLES } from './schemas';
import { STATUS_LABELS } from './status';

/**
 * The post-mortem as one Markdown document (`GET /api/v1/incidents/{id}/postmortem.md`). Pure.
 *
 * The document's structure (its headings, the timeline and action-item lists) is ours; people's text
 * must not break it. One-line values (title, timeline lines, action items, names) are escaped as
 * inline text; section bodies stay Markdown, but cannot open a heading, a setext underline, raw HTML
 * or an unterminated code fence that would swallow the sections after them. The price: `<` inside an
 * inline code span reads `&lt;` in the file (fenced code blocks are left exactly as written).
 *
 *   inlineText('# **boom** <img src=x>\nnext') → '\\# \\*\\*boom\\*\\* &lt;img src=x&gt; next'
 *   blockText('# Not a heading\n<script>x</script>') → '\\# Not a heading\n&lt;script&gt;x&lt;/script&gt;'
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

/** User Markdown kept as Markdown, minus what could break the document around it. */
export function blockText(s: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of s.replace(/\r\n?/g, '\n').split('\n')) {
    const opener = FENCE.exec(line)?.[1];
    if (fence) {
      out.push(line);
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = null;
      continue;
    }
    if (opener) {
      fence = opener;
      out.push(line);
      continue;
    }
    out.push(
      line
        .replace(/&(?![a-zA-Z]+;|#\d+;)/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // `> quote` lost its meaning above; give it back as a blockquote marker only at the line start.
        .replace(/^( {0,3})&gt;/, '$1>')
        .replace(/^( {0,3})#/, '$1\\#')
        .replace(/^( {0,3})([=-])(\s*\2)*\s*$/, (m) => m.replace(/[=-]/g, (c) => `\\${c}`)),
    );
  }
  if (fence) out.push(fence);
  return out.join('\n').trim();
}

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
