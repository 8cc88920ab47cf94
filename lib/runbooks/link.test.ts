import { describe, expect, it } from 'vitest';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { indexAlerts, toAlertItem } from '@/lib/alerts/alert-items';
import {
  buildRunbookLinks,
  forIncident,
  resolveRunbook,
  runbookLink,
  slugOfRunbookUrl,
  suggestedSlug,
} from './link';

const links = buildRunbookLinks([
  { slug: 'instance-down', title: 'Instance down', alerts: ['InstanceDown', 'EndpointProbeFailed'] },
  { slug: 'disk-space-low', title: 'Disk space low', alerts: ['DiskSpaceLow'] },
  { slug: 'responding-to-an-alert', title: 'Responding', alerts: [] },
]);

const resolve = (alertname: string, runbook_url?: string) =>
  resolveRunbook(links, { alertname }, runbook_url === undefined ? {} : { runbook_url })?.slug ?? null;

describe('resolveRunbook', () => {
  it('follows a runbook_url that is a full link to this console', () => {
    expect(resolve('Whatever', 'https://vigil.example.com/runbooks/instance-down')).toBe('instance-down');
    expect(resolve('Whatever', 'https://vigil.example.com/runbooks/disk-space-low/?alert=1#x')).toBe(
      'disk-space-low',
    );
  });

  it('follows any URL whose last path segment is a known slug, and a bare slug', () => {
    expect(resolve('X', 'https://git.example.com/ops/vigil/blob/main/runbooks/disk-space-low.mdx')).toBe(
      'disk-space-low',
    );
    expect(resolve('X', '/runbooks/instance-down')).toBe('instance-down');
    expect(resolve('X', 'instance-down')).toBe('instance-down');
    expect(resolve('X', 'Instance-Down')).toBe('instance-down');
  });

  it('prefers the annotation over the frontmatter lists', () => {
    expect(resolve('InstanceDown', 'disk-space-low')).toBe('disk-space-low');
  });

  it('falls back to the frontmatter alerts list when the annotation names no known runbook', () => {
    expect(resolve('EndpointProbeFailed')).toBe('instance-down');
    expect(resolve('DiskSpaceLow', 'https://wiki.example.com/Disk_Space')).toBe('disk-space-low');
    expect(resolve('DiskSpaceLow', '%E0%A4%A')).toBe('disk-space-low');
  });

  it('answers null when nothing matches', () => {
    expect(resolve('NobodyWroteThis')).toBeNull();
    expect(resolve('NobodyWroteThis', 'https://wiki.example.com/unknown')).toBeNull();
    expect(resolveRunbook(links, {}, {})).toBeNull();
  });

  it('gives an alert claimed by two runbooks to the first slug', () => {
    const twice = buildRunbookLinks([
      { slug: 'b', title: 'B', alerts: ['X'] },
      { slug: 'a', title: 'A', alerts: ['X'] },
    ]);
    expect(resolveRunbook(twice, { alertname: 'X' }, {})?.slug).toBe('a');
  });
});

describe('slugOfRunbookUrl and suggestedSlug', () => {
  it('takes the last path segment without extension', () => {
    expect(slugOfRunbookUrl(' https://x/runbooks/watchdog.md ')).toBe('watchdog');
    expect(slugOfRunbookUrl('')).toBe('');
  });

  it.each([
    ['InstanceDown', 'instance-down'],
    ['HighCPUUsage', 'high-cpu-usage'],
    ['PostgreSQLDown', 'postgre-sql-down'],
    ['disk_full', 'disk-full'],
  ])('%s → %s', (alertname, slug) => {
    expect(suggestedSlug(alertname)).toBe(slug);
  });
});

describe('the alert index links alerts to runbooks', () => {
  const alert = (labels: Record<string, string>, annotations: Record<string, string> = {}) => ({
    ...makeAlert({ fingerprint: 'f00d', labels, annotations }),
    cluster: 'eu',
    peers: ['eu peer 1'],
  });

  it('puts {slug, title, url} on the item, the url carrying the alert for its labels', () => {
    expect(toAlertItem(alert({ alertname: 'InstanceDown' }), '', links).runbook).toEqual({
      slug: 'instance-down',
      title: 'Instance down',
      url: '/runbooks/instance-down?alert=f00d',
    });
    expect(toAlertItem(alert({ alertname: 'Unknown' }), '', links).runbook).toBeNull();
    expect(toAlertItem(alert({ alertname: 'InstanceDown' })).runbook).toBeNull();
  });

  it('links every alert of an index', () => {
    const items = indexAlerts([alert({ alertname: 'X' }, { runbook_url: 'disk-space-low' })], links);
    expect(items[0]?.item.runbook?.slug).toBe('disk-space-low');
  });

  it('builds a link without a fingerprint', () => {
    expect(runbookLink({ slug: 's', title: 'S' }, '')).toEqual({ slug: 's', title: 'S', url: '/runbooks/s' });
  });
});

describe('forIncident', () => {
  it('adds the incident after the alert', () => {
    const link = runbookLink({ slug: 's', title: 'S' }, '3f1c');
    expect(link && forIncident(link, 'INC-3').url).toBe('/runbooks/s?alert=3f1c&incident=INC-3');
  });

  it('starts the query when the link has none', () => {
    expect(forIncident({ url: '/runbooks/s' }, 'INC-12').url).toBe('/runbooks/s?incident=INC-12');
  });
});
