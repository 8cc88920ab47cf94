import { describe, expect, it } from 'vitest';
import { parseFilterSyntax } from './filter-syntax';
import { regexProblem } from './matchers';

describe('parseFilterSyntax', () => {
  it('reads a regex matcher without compiling it when no check is given', () => {
    expect(parseFilterSyntax('instance=~"db[" disk')).toEqual({
      matchers: [{ name: 'instance', op: '=~', value: 'db[' }],
      text: ['disk'],
    });
  });

  it("reports the check's problem at the regex's value", () => {
    expect(() => parseFilterSyntax('job="a" instance=~"db["', regexProblem)).toThrow(
      expect.objectContaining({
        name: 'MatcherSyntaxError',
        column: 19,
        message: expect.stringContaining('invalid regular expression for instance: missing closing ]'),
      }),
    );
  });

  it('checks only regex operators', () => {
    const checked: string[] = [];
    parseFilterSyntax('a="x[" b!="y[" c=~"z" d!~"w"', (source) => {
      checked.push(source);
      return undefined;
    });
    expect(checked).toEqual(['z', 'w']);
  });
});
