import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runbookCatalog } from './catalog';
import { loadRunbook } from './load';

/** Runbooks are read at request time: new and changed files count at once, unchanged ones are not re-read. */

const runbook = (title: string, alerts: string[] = [], extra = '') =>
  `---\ntitle: ${title}\nalerts: [${alerts.join(', ')}]\nseverity: warning\nowner: sre\nlast_reviewed: 2026-11-21\n---\n\n<Step id="one" title="Do it">x</Step>\n${extra}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'vigil-runbooks-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string, mtime?: Date) => {
  writeFileSync(path.join(dir, name), text);
  if (mtime) utimesSync(path.join(dir, name), mtime, mtime);
};

describe('runbookCatalog', () => {
  it('picks up new, changed and removed files without a restart, and keeps its answer while nothing changes', () => {
    write('a.mdx', runbook('Alpha', ['A']));
    const first = runbookCatalog(dir);
    expect(first.runbooks.map((r) => r.title)).toEqual(['Alpha']);
    expect(runbookCatalog(dir)).toBe(first);

    write('b.mdx', runbook('Beta', ['B']));
    expect(runbookCatalog(dir).links.byAlert.get('B')).toEqual({ slug: 'b', title: 'Beta' });

    write('a.mdx', runbook('Alpha two', ['A']), new Date(Date.now() + 5_000));
    expect(runbookCatalog(dir).runbooks.map((r) => r.title)).toEqual(['Alpha two', 'Beta']);

    rmSync(path.join(dir, 'b.mdx'));
    expect(runbookCatalog(dir).runbooks.map((r) => r.slug)).toEqual(['a']);
  });

  it('reports unusable files and keeps the others', () => {
    write('good.mdx', runbook('Good'));
    write('Bad Name.mdx', runbook('Bad name'));
    write('no-owner.mdx', runbook('No owner').replace('owner: sre\n', ''));
    write('README.md', '# not a runbook');
    const catalog = runbookCatalog(dir);
    expect(catalog.runbooks.map((r) => r.slug)).toEqual(['good']);
    expect(catalog.problems.map((p) => p.message).sort()).toEqual([
      'runbooks/Bad Name.mdx: the file name must be a lower-case slug such as instance-down.mdx',
      'runbooks/no-owner.mdx: frontmatter field "owner" is required',
    ]);
  });

  it('says when the folder is missing', () => {
    const catalog = runbookCatalog(path.join(dir, 'nope'));
    expect(catalog.runbooks).toEqual([]);
    expect(catalog.problems[0]?.message).toMatch(/runbooks\/ cannot be read from .*nope \(ENOENT\)/);
  });
});

describe('loadRunbook', () => {
  it('compiles once per file version', async () => {
    write('a.mdx', runbook('Alpha'));
    const first = await loadRunbook('a', dir);
    expect(first?.steps).toEqual([{ id: 'one', title: 'Do it' }]);
    expect(await loadRunbook('a', dir)).toBe(first);
    write(
      'a.mdx',
      runbook('Alpha', [], '\n<Step id="two" title="Then this">y</Step>\n'),
      new Date(Date.now() + 5_000),
    );
    expect((await loadRunbook('a', dir))?.steps.map((s) => s.id)).toEqual(['one', 'two']);
  });

  it('answers undefined for a missing file or a slug that is not one', async () => {
    expect(await loadRunbook('missing', dir)).toBeUndefined();
    expect(await loadRunbook('../etc/passwd', dir)).toBeUndefined();
  });
});
