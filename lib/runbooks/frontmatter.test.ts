import { describe, expect, it } from 'vitest';
import { parseRunbookSource, RunbookFormatError, splitFrontmatter } from './frontmatter';

const source = (yaml: string, body = '\n## Diagnosis\n') => `---\n${yaml}\n---\n${body}`;
const VALID = [
  'title: Instance down',
  'alerts: [InstanceDown]',
  'severity: critical',
  'owner: sre',
  'services: [api]',
  'last_reviewed: 2026-11-21',
].join('\n');

function errorOf(text: string): RunbookFormatError {
  try {
    parseRunbookSource('runbooks/x.mdx', text);
  } catch (e) {
    if (e instanceof RunbookFormatError) return e;
    throw e;
  }
  throw new Error('expected a RunbookFormatError');
}

describe('splitFrontmatter', () => {
  it('keeps one empty line per frontmatter line, so MDX errors point at the right line', () => {
    const split = splitFrontmatter('---\ntitle: X\nowner: y\n---\n# Hi\n');
    expect(split).toEqual({ yaml: 'title: X\nowner: y', body: '\n\n\n\n# Hi\n' });
    expect(split?.body.split('\n').indexOf('# Hi')).toBe(4);
  });

  it('finds none without a leading fence', () => {
    expect(splitFrontmatter('# Hi\n---\ntitle: X\n---\n')).toBeUndefined();
  });
});

describe('parseRunbookSource', () => {
  it('reads a valid frontmatter, with defaults for alerts and services', () => {
    expect(parseRunbookSource('runbooks/x.mdx', source(VALID)).frontmatter).toEqual({
      title: 'Instance down',
      alerts: ['InstanceDown'],
      severity: 'critical',
      owner: 'sre',
      services: ['api'],
      last_reviewed: '2026-11-21',
    });
    const procedure = VALID.replace('alerts: [InstanceDown]\n', '').replace('services: [api]\n', '');
    expect(parseRunbookSource('runbooks/x.mdx', source(procedure)).frontmatter).toMatchObject({
      alerts: [],
      services: [],
    });
  });

  it.each([
    ['a missing field', VALID.replace('owner: sre\n', ''), 'owner', 'is required'],
    ['a date that is not one', VALID.replace('2026-11-21', 'last tuesday'), 'last_reviewed', 'date'],
    ['an unknown severity', VALID.replace('critical', 'urgent'), 'severity', ''],
    ['a bad alert name', VALID.replace('[InstanceDown]', '["Instance Down"]'), 'alerts.0', 'alert name'],
    ['a misspelt field', `${VALID}\nlast_review: 2026-01-01`, 'last_review', 'not a known field'],
    ['an empty title', VALID.replace('Instance down', '""'), 'title', 'empty'],
  ])('names the file and the field for %s', (_, yaml, field, problem) => {
    const error = errorOf(source(yaml));
    expect(error.file).toBe('runbooks/x.mdx');
    expect(error.field).toBe(field);
    expect(error.message).toContain(`runbooks/x.mdx: frontmatter field "${field}"`);
    expect(error.message).toContain(problem);
  });

  it('says when the frontmatter is missing or not YAML', () => {
    expect(errorOf('## Diagnosis\n').message).toBe(
      'runbooks/x.mdx: frontmatter is missing: start the file with --- YAML ---',
    );
    expect(errorOf(source('title: [unclosed')).message).toMatch(
      /^runbooks\/x\.mdx: frontmatter is not valid YAML/,
    );
  });
});
