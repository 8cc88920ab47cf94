import { describe, expect, it } from 'vitest';
import { moveSelection, parseCollapsed, toggleCollapsed } from './use-collapsed-groups';

describe('collapsed alert groups', () => {
  it('reads what local storage holds, and nothing from what it cannot read', () => {
    expect(parseCollapsed('["alertname=\\"X\\"","job=\\"api\\""]')).toEqual(
      new Set(['alertname="X"', 'job="api"']),
    );
    expect(parseCollapsed(null)).toEqual(new Set());
    expect(parseCollapsed('oops')).toEqual(new Set());
    expect(parseCollapsed('{"a":1}')).toEqual(new Set());
    expect(parseCollapsed('[1,2]')).toEqual(new Set());
  });

  it('folds a group, and unfolds it the second time', () => {
    const folded = toggleCollapsed(new Set(), 'a');
    expect(folded).toEqual(new Set(['a']));
    expect(toggleCollapsed(folded, 'a')).toEqual(new Set());
  });

  it('keeps only the 200 newest folds', () => {
    let collapsed: ReadonlySet<string> = new Set();
    for (let i = 0; i < 205; i++) collapsed = toggleCollapsed(collapsed, `g${i}`);
    expect(collapsed.size).toBe(200);
    expect(collapsed.has('g4')).toBe(false);
    expect(collapsed.has('g5')).toBe(true);
    expect(collapsed.has('g204')).toBe(true);
  });
});

describe('moveSelection', () => {
  const visible = [0, 1, 5, 6];

  it('steps over the alerts of folded groups', () => {
    expect(moveSelection(visible, 1, 1)).toBe(5);
    expect(moveSelection(visible, 5, -1)).toBe(1);
  });

  it('moves from a row that was just folded away to the nearest one shown in that direction', () => {
    expect(moveSelection(visible, 3, 1)).toBe(5);
    expect(moveSelection(visible, 3, -1)).toBe(1);
  });

  it('stops at either end, and stays put when nothing is shown', () => {
    expect(moveSelection(visible, 6, 1)).toBe(6);
    expect(moveSelection(visible, 0, -1)).toBe(0);
    expect(moveSelection([], 2, 1)).toBe(2);
  });
});
