import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runbookComponents } from '@/components/runbooks/mdx-components';
import { DEFAULT_ESCALATION } from '@/lib/config/load';
import { demoRuleGroups } from '@/scripts/stack/config/rules';
import { runbookCatalog } from './catalog';
import { compileRunbook } from './compile';
import { escalationView } from './escalation-view';
import { resolveRunbook } from './link';
import type { Labels } from './substitute';

/**
 * The runbooks of this repository: each has valid frontmatter, compiles, renders with the real
 * components (with and without an alert and an incident) without a component error, and every demo
 * alert leads to one.
 */

const DIR = path.resolve(import.meta.dirname, '../../runbooks');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.mdx'))
  .sort();
const read = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const DEMO_RULES = demoRuleGroups.flatMap((g) => g.rules);

const ALERT_LABELS: Labels = {
  alertname: 'InstanceDown',
  instance: 'db-1.example.com:9100',
  job: 'api',
  mountpoint: '/var/lib/postgresql',
  device: '/dev/sda1',
  severity: 'critical',
};

function render(
  Content: Awaited<ReturnType<typeof compileRunbook>>['Content'],
  slug: string,
  labels: Labels,
  incident: boolean,
) {
  const components = runbookComponents({
    slug,
    labels,
    incident: incident ? { id: 'cinc1', label: 'INC-1' } : null,
    progress: {},
    canRespond: true,
    escalation: escalationView(DEFAULT_ESCALATION, []),
  });
  return renderToStaticMarkup(
    createElement(QueryClientProvider, { client: new QueryClient() }, createElement(Content, { components })),
  );
}

describe('the runbooks in runbooks/', () => {
  it('are there: the alert runbooks and the general procedures', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
    expect(FILES).toEqual(expect.arrayContaining(['responding-to-an-alert.mdx', 'escalation-contacts.mdx']));
  });

  it.each(FILES)('%s has valid frontmatter, compiles and renders in every context', async (name) => {
    const slug = name.replace(/\.mdx$/, '');
    const { frontmatter, body, steps, Content } = await compileRunbook(`runbooks/${name}`, read(name));
    for (const labels of [{}, ALERT_LABELS])
      for (const incident of [false, true]) {
        const html = render(Content, slug, labels, incident);
        expect(html, `${name} ${JSON.stringify({ labels, incident })}`).not.toContain('data-runbook-error');
      }
    if (frontmatter.alerts.length === 0) return;
    // An alert's runbook is followed step by step, in these sections.
    expect(steps.length).toBeGreaterThan(0);
    for (const section of ['Diagnosis', 'Mitigation', 'Verification', 'Escalation'])
      expect(body, `${name} needs a "## ${section}" section`).toMatch(new RegExp(`^## ${section}$`, 'm'));
  });

  it('are all read by the catalog, without problems', () => {
    const catalog = runbookCatalog(DIR);
    expect(catalog.problems).toEqual([]);
    expect(catalog.runbooks.map((r) => `${r.slug}.mdx`).sort()).toEqual(FILES);
  });

  it('cover every demo alert, through its runbook_url and through their alerts lists alike', () => {
    const { links } = runbookCatalog(DIR);
    for (const rule of DEMO_RULES) {
      const slug = rule.annotations.runbook_url;
      expect(FILES, `${rule.alert}: runbook_url ${slug}`).toContain(`${slug}.mdx`);
      expect(resolveRunbook(links, { alertname: rule.alert }, rule.annotations)?.slug).toBe(slug);
      expect(resolveRunbook(links, { alertname: rule.alert }, {})?.slug, `${slug}.mdx alerts:`).toBe(slug);
    }
  });

  it('never claim one alert twice', () => {
    const owners = new Map<string, string>();
    for (const r of runbookCatalog(DIR).runbooks)
      for (const alert of r.alerts) {
        expect(owners.get(alert), `${alert} is in ${owners.get(alert)} and ${r.file}`).toBeUndefined();
        owners.set(alert, r.file);
      }
  });
});

describe('a runbook with a broken frontmatter', () => {
  const file = 'lib/runbooks/fixtures/broken-frontmatter.mdx';

  it('fails with the file name and the field', async () => {
    await expect(compileRunbook(file, readFileSync(path.resolve(file), 'utf8'))).rejects.toThrow(
      'lib/runbooks/fixtures/broken-frontmatter.mdx: frontmatter field "last_reviewed" must be a date like 2026-11-21',
    );
  });

  it('is reported by the catalog and left out, while the others still load', () => {
    const catalog = runbookCatalog(path.dirname(path.resolve(file)));
    expect(catalog.runbooks).toEqual([]);
    expect(catalog.problems).toEqual([
      {
        file: 'runbooks/broken-frontmatter.mdx',
        message: expect.stringContaining('frontmatter field "last_reviewed" must be a date'),
      },
    ]);
  });
});
