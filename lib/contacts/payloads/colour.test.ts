import { describe, expect, it } from 'vitest';
import { severityColour } from './colour';
import { makePage, makeTest } from './fixtures';

describe('severityColour', () => {
  it("gives a page, and a reminder that its incident still fires, the severity's colour", () => {
    expect(severityColour(makePage())).toBe('#d92d20');
    expect(severityColour(makePage({ kind: 'reminder', severity: 'warning' }))).toBe('#f79009');
    expect(severityColour(makePage({ severity: 'page-me' }))).toBe('#667085');
  });

  it('is green for a test and a follow-up', () => {
    expect(severityColour(makeTest())).toBe('#12b76a');
    expect(severityColour(makePage({ kind: 'followup' }))).toBe('#12b76a');
  });
});
