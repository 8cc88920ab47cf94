import { describe, expect, it } from 'vitest';
import { filterApplies } from './filter-check';

describe('filterApplies', () => {
  it('applies a filter of plain matchers and free text', async () => {
    expect(await filterApplies('severity="critical" job!="node" disk full')).toBe(true);
    expect(await filterApplies('')).toBe(true);
  });

  it('waits for Enter while a matcher is half typed', async () => {
    expect(await filterApplies('alertname="Watch')).toBe(false);
    expect(await filterApplies('severity==')).toBe(false);
  });

  it('applies a regex RE2 compiles', async () => {
    expect(await filterApplies('instance=~"db-.*" job!~"(?i)node"')).toBe(true);
  });

  it('waits for Enter on a regex RE2 refuses, as the server would answer 422', async () => {
    expect(await filterApplies('instance=~"db["')).toBe(false);
    expect(await filterApplies('instance=~"(a)\\1"')).toBe(false);
    expect(await filterApplies('severity="critical" job!~"node(?=x)"')).toBe(false);
  });
});
