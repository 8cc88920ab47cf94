import { describe, expect, it } from 'vitest';
import { blockText, inlineText, postmortemMarkdown } from './markdown';
import type { Postmortem } from './schemas';
import { makePostmortem as makeDraft } from './testing/make-postmortem';

/** The shared draft, published and written: every section of the export has something to show. */
function makePostmortem(partial: Partial<Postmortem> = {}): Postmortem {
  const draft = makeDraft();
  const [fired, hidden] = draft.timeline;
  return makeDraft({
    status: 'published',
    publishedAt: '2026-11-21T12:00:00.000Z',
    sections: {
      ...draft.sections,
      summary: 'The API was down.',
      impact: 'All customers.',
      rootCause: 'A bad deploy.',
      resolution: 'Rolled back.',
      wentWell: 'Fast ack.',
    },
    timeline: [
      ...(fired ? [fired] : []),
      ...(hidden ? [{ ...hidden, text: 'Noise' }] : []),
      {
        id: '3',
        at: '2026-11-21T09:10:00.000Z',
        type: 'alert.acknowledged',
        actor: 'Ana',
        text: 'Ana acknowledged APIDown',
        starred: false,
        hidden: false,
      },
    ],
    actionItems: [
      ...draft.actionItems,
      {
        id: 'a2',
        title: 'Write runbook',
        ownerId: null,
        owner: null,
        dueDate: null,
        done: true,
        doneAt: '2026-11-22T00:00:00.000Z',
      },
    ],
    ...partial,
  });
}

/** The lines of a document that are its own headings (# and ##): the structure a reader sees. */
const headings = (md: string) => md.split('\n').filter((l) => /^ {0,3}#{1,2}(\s|$)/.test(l));

describe('postmortemMarkdown', () => {
  it('writes every section in template order, the curated timeline after detection, and the action items', () => {
    const md = postmortemMarkdown(makePostmortem());
    expect(headings(md)).toEqual([
      '# Post-mortem: INC-7 API down',
      '## Summary',
      '## Impact',
      '## Detection',
      '## Timeline',
      '## Root cause',
      '## Resolution',
      '## What went well',
      '## What went wrong',
      '## Action items',
    ]);
    expect(md).toContain('- Status: Published\n- Severity: critical\n- Opened: 2026-11-21 09:00:00 UTC');
    expect(md).toContain(
      '- MTTA (opened to first acknowledgement): 7m\n- MTTR (opened to resolved): 1h 30m\n',
    );
    expect(md).toContain(
      '## Timeline\n\n- 2026-11-21 09:00:00 UTC ★ **Alert APIDown fired**\n- 2026-11-21 09:10:00 UTC Ana acknowledged APIDown\n',
    );
    expect(md).not.toContain('Noise');
    expect(md).toContain('## What went wrong\n\n_Not written._');
    expect(md).toContain('- [ ] Add a canary (owner: Bo, due 2026-12-01)\n- [x] Write runbook (no owner)\n');
  });

  it('keeps hostile text from adding headings, HTML, links or list items', () => {
    const md = postmortemMarkdown(
      makePostmortem({
        incident: {
          ...makePostmortem().incident,
          title: 'x\n## Injected <script>alert(1)</script> [a](javascript:x)',
        },
        sections: {
          ...makePostmortem().sections,
          rootCause: '# Fake heading\nText\n===\n<img src=x onerror=alert(1)>\n```\nunclosed fence',
        },
        timeline: [
          {
            id: '1',
            at: '2026-11-21T09:00:00.000Z',
            type: 'note',
            actor: 'M',
            text: 'M noted: "**x**\n## y"',
            starred: true,
            hidden: false,
          },
        ],
        actionItems: [
          {
            id: 'a',
            title: 'a\n- [x] fake done | col',
            ownerId: null,
            owner: '<b>Eve</b>',
            dueDate: null,
            done: false,
            doneAt: null,
          },
        ],
      }),
    );
    expect(headings(md)).toHaveLength(10);
    expect(md).not.toMatch(/<(script|img|b)\b/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript/);
    expect(md).toContain(
      '# Post-mortem: INC-7 x \\#\\# Injected &lt;script&gt;alert(1)&lt;/script&gt; \\[a\\](javascript:x)',
    );
    // The unclosed fence is closed before the next section, so Resolution is still a heading.
    expect(md).toContain('```\nunclosed fence\n```\n\n## Resolution');
    expect(md).toContain('- [ ] a - \\[x\\] fake done \\| col (owner: &lt;b&gt;Eve&lt;/b&gt;)');
    expect(md).toContain('★ **M noted: "\\*\\*x\\*\\* \\#\\# y"**');
  });

  it('exports the Markdown people meant without backslashes: a pre-filled multi-line note, headings, breaks', () => {
    const resolution = [
      'Resolved 1h 28m after it opened (time to resolve, MTTR).',
      '',
      'Notes from the incident:',
      '',
      '- 2026-11-21 09:35:00 UTC, Bo:',
      '',
      '  Rolled back **release 1.2.3** (see <https://ci.example/42>):',
      '',
      '  - drained api-1',
      '  - restarted `api<2>`',
      '',
      '  ```',
      '  kubectl rollout undo deploy/api',
      '  ```',
    ].join('\n');
    const rootCause = '# Cause\nA _bad_ deploy, #42 & a > b.\n\n---\n\n1. first\n2. second';
    const md = postmortemMarkdown(
      makePostmortem({ sections: { ...makePostmortem().sections, resolution, rootCause } }),
    );
    expect(md).toContain(`## Resolution\n\n${resolution}\n\n## What went well`);
    expect(md).toContain(
      '## Root cause\n\n### Cause\nA _bad_ deploy, #42 & a > b.\n\n---\n\n1. first\n2. second\n\n## Resolution',
    );
    expect(md).not.toContain('\\*');
    expect(headings(md)).toHaveLength(10);
  });
});

describe('inlineText', () => {
  it('escapes inline Markdown and HTML and folds lines', () => {
    expect(inlineText('# **boom** <img src=x>\nnext')).toBe('\\# \\*\\*boom\\*\\* &lt;img src=x&gt; next');
    expect(inlineText('a_b `c` ~d~ ![i](u) | & ')).toBe('a\\_b \\`c\\` \\~d\\~ \\!\\[i\\](u) \\| &amp;');
  });
});

describe('blockText', () => {
  it('keeps Markdown people write (lists, emphasis, quotes, code, breaks, entities) as written', () => {
    expect(blockText('- a **b**\n> quoted\n\n`x < y` a > b')).toBe('- a **b**\n> quoted\n\n`x < y` a > b');
    expect(blockText('Para\n\n---\n\nAT&T &amp; co, #1 <https://g.example/d>')).toBe(
      'Para\n\n---\n\nAT&T &amp; co, #1 <https://g.example/d>',
    );
  });

  it('moves headings two levels down, escapes setext underlines and shows HTML as text', () => {
    expect(blockText('# Cause\n## Detail\n##### Deep\n#hashtag')).toBe(
      '### Cause\n#### Detail\n###### Deep\n#hashtag',
    );
    expect(blockText('# <b>x</b>\n<script>x</script>')).toBe('### &lt;b>x&lt;/b>\n&lt;script>x&lt;/script>');
    expect(blockText('Title\n---')).toBe('Title\n\\-\\-\\-');
    expect(blockText('Title\n===')).toBe('Title\n\\=\\=\\=');
  });

  it('leaves fenced code as written and closes a fence left open', () => {
    expect(blockText('```sh\n# comment\n<b>\n```\n# after')).toBe('```sh\n# comment\n<b>\n```\n### after');
    expect(blockText('~~~~\ncode')).toBe('~~~~\ncode\n~~~~');
  });
});
