import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { compileRunbook } from '@/lib/runbooks/compile';
import { type RunbookContext, runbookComponents } from './mdx-components';

/**
 * Alert label values come from outside (anyone who can push an alert to Alertmanager sets them), so
 * they must reach the page as text wherever a runbook uses them.
 */

const XSS = '<img src=x onerror=alert(1)>';
const SCRIPT = '"><script>alert(2)</script>';

const SOURCE = `---
title: T
severity: info
owner: sre
last_reviewed: 2026-11-21
---

Host: <Label name="instance" /> and job <Label name="job" />, unknown <Label name="nope" />.

Inline \`curl {labels.instance}/metrics\`.

<Command>
\`\`\`sh
ssh {labels.instance|host} && journalctl -u {labels.job}
\`\`\`
</Command>

\`\`\`text
{labels.instance}
\`\`\`

<PromQL query='up{instance="{labels.instance}"}' />

<LogQL query='{job="{labels.job}"}' />

<Step id="check" title="Check it">Body</Step>

<Escalate level={2} />
`;

const context = (over: Partial<RunbookContext> = {}): RunbookContext => ({
  slug: 't',
  labels: { instance: XSS, job: SCRIPT },
  incident: null,
  progress: {},
  canRespond: true,
  escalation: [{ level: 2, name: 'L2 on-call SRE', delaySeconds: 300, targets: [] }],
  ...over,
});

async function render(ctx: RunbookContext): Promise<string> {
  const { Content } = await compileRunbook('runbooks/t.mdx', SOURCE);
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <Content components={runbookComponents(ctx)} />
    </QueryClientProvider>,
  );
}

describe('alert labels in a runbook', () => {
  it('render inert: no element comes from a label value, wherever the runbook uses it', async () => {
    const html = await render(context());
    expect(html).not.toMatch(/<img|<script/i);
    // <Label> in prose, inline code and the plain code block: the value as text.
    expect(html).toContain(
      'Host: <span class="rounded bg-bg px-1 font-mono text-[0.85em]" data-label="instance">&lt;img src=x onerror=alert(1)&gt;</span>',
    );
    expect(html).toContain(
      '<code class="rounded bg-bg px-1 font-mono text-[0.85em]">curl &lt;img src=x onerror=alert(1)&gt;/metrics</code>',
    );
    expect(html).toContain('<code>&lt;img src=x onerror=alert(1)&gt;</code>');
    // The shell command someone will copy: each value is one single-quoted word.
    expect(html).toContain(
      '<code>ssh &#x27;&lt;img src=x onerror=alert(1)&gt;&#x27; &amp;&amp; journalctl -u &#x27;&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;&#x27;</code>',
    );
    // The query cannot be closed early by a quote in the value.
    expect(html).toContain('up{instance=&quot;&lt;img src=x onerror=alert(1)&gt;&quot;}');
    expect(html).toContain('{job=&quot;\\&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;&quot;}');
    // An unknown label stays a visible placeholder.
    expect(html).toMatch(
      /title="Open from an alert to fill this in" data-placeholder="nope">\{\{nope\}\}<\/span>/,
    );
  });

  it('without an alert, leaves placeholders and asks for one instead of running half a query', async () => {
    const html = await render(context({ labels: {} }));
    expect(html).toContain('ssh {labels.instance|host}');
    // In prose, a placeholder reads as one: "job {{job}}", never "job job".
    expect(html).toContain('and job <span');
    expect(html).toMatch(/data-placeholder="job">\{\{job\}\}<\/span>/);
    expect(html).toContain('Open this runbook from a firing alert to fill in instance.');
    expect(html).toContain('Open this runbook from a firing alert to fill in job.');
  });
});

describe('steps and escalation in a runbook', () => {
  it('is a local checklist without an incident, with no escalate button', async () => {
    const html = await render(context());
    expect(html).toMatch(/<section[^>]*data-testid="runbook-step" data-step="check" data-checked="false"/);
    expect(html).toContain('<label for="step-check"');
    expect(html).not.toContain('Escalate INC');
    expect(html).toContain('L2 on-call SRE</strong> · notified after 5m without acknowledgement');
  });

  it("shows an incident's stored progress and offers escalation", async () => {
    const html = await render(
      context({
        incident: { id: 'c1', label: 'INC-7' },
        progress: { check: { stepId: 'check', checked: true, by: 'Ana', at: '2026-11-21T09:00:00.000Z' } },
      }),
    );
    expect(html).toMatch(/data-step="check" data-checked="true"/);
    expect(html).toContain('checked by Ana');
    expect(html).toContain('Escalate INC-7 to L2');
  });

  it('lets only responders tick steps of an incident and escalate it', async () => {
    const html = await render(context({ incident: { id: 'c1', label: 'INC-7' }, canRespond: false }));
    expect(html).toMatch(/<input id="step-check" type="checkbox"[^>]* disabled=""/);
    expect(html).toContain('(responders tick steps)');
    expect(html).not.toContain('Escalate INC-7');
    expect(html).toContain('L2 on-call SRE</strong>');
  });
});
