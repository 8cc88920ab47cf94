import { describe, expect, it } from 'vitest';
import { type RunbookMeta, reviewOverdue, searchableText, searchRunbooks, uncoveredAlerts } from './listing';

const meta = (partial: Partial<RunbookMeta> & { slug: string }): RunbookMeta => ({
  file: `runbooks/${partial.slug}.mdx`,
  title: partial.slug,
  alerts: [],
  severity: 'warning',
  owner: 'sre',
  services: [],
  lastReviewed: '2026-11-21',
  text: '',
  ...partial,
});

const RUNBOOKS = [
  meta({
    slug: 'disk-space-low',
    title: 'Disk space low / disk full',
    alerts: ['DiskSpaceLow'],
    text: 'du df journalctl vacuum',
  }),
  meta({
    slug: 'postgresql-down',
    title: 'PostgreSQL down',
    alerts: ['PostgreSQLDown'],
    owner: 'dba',
    text: 'psql disk full wal',
  }),
  meta({
    slug: 'watchdog',
    title: 'Watchdog',
    alerts: ['Watchdog'],
    services: ['alertmanager'],
    text: 'amtool',
  }),
];

describe('searchRunbooks', () => {
  const slugs = (q: string) => searchRunbooks(RUNBOOKS, q).map((r) => r.slug);

  it('returns everything for an empty query', () => {
    expect(slugs('  ')).toEqual(['disk-space-low', 'postgresql-down', 'watchdog']);
  });

  it('matches titles, alert names, owners, services and text, case-insensitively', () => {
    expect(slugs('postgresqldown')).toEqual(['postgresql-down']);
    expect(slugs('DBA')).toEqual(['postgresql-down']);
    expect(slugs('alertmanager')).toEqual(['watchdog']);
    expect(slugs('amtool')).toEqual(['watchdog']);
  });

  it('needs every word, and ranks matches in the title or alert names first', () => {
    expect(slugs('disk full')).toEqual(['disk-space-low', 'postgresql-down']);
    expect(slugs('disk amtool')).toEqual([]);
  });
});

describe('searchableText', () => {
  it('drops markup and keeps the words, attribute values included', () => {
    expect(searchableText('## Check\n<Step id="a" title="Restart it">Run `systemctl`</Step>')).toBe(
      'check step id a title restart it run systemctl step',
    );
  });
});

describe('reviewOverdue', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it('flags runbooks not reviewed for more than 90 days', () => {
    expect(reviewOverdue('2026-08-01', now)).toBe(true);
    expect(reviewOverdue('2026-08-24', now)).toBe(false);
    expect(reviewOverdue('2026-11-21', now)).toBe(false);
  });
});

describe('uncoveredAlerts', () => {
  it('counts firing alerts without a runbook by name, most frequent first', () => {
    expect(
      uncoveredAlerts([
        { alertname: 'B', fingerprint: '1', runbook: null },
        { alertname: 'A', fingerprint: '2', runbook: null },
        { alertname: 'B', fingerprint: '3', runbook: null },
        { alertname: 'C', fingerprint: '4', runbook: { slug: 'c' } },
        { alertname: '', fingerprint: '5', runbook: null },
      ]),
    ).toEqual([
      { alertname: 'B', count: 2, fingerprint: '1' },
      { alertname: '(no alertname)', count: 1, fingerprint: '5' },
      { alertname: 'A', count: 1, fingerprint: '2' },
    ]);
  });
});
