import { describe, expect, it } from 'vitest';
import { parseLabels } from './label-text';

describe('parseLabels', () => {
  it('reads name="value" pairs separated by commas or new lines, in braces or not', () => {
    expect(parseLabels('team="db", severity="critical"')).toEqual({
      labels: { team: 'db', severity: 'critical' },
    });
    expect(parseLabels('{team="db"}')).toEqual({ labels: { team: 'db' } });
    expect(parseLabels('team="db"\nseverity="page"\n')).toEqual({ labels: { team: 'db', severity: 'page' } });
    expect(parseLabels('  ')).toEqual({ labels: {} });
  });

  it('reads values without quotes up to the next comma', () => {
    expect(parseLabels('team=db, severity = critical')).toEqual({
      labels: { team: 'db', severity: 'critical' },
    });
  });

  it('keeps commas and escaped quotes inside quoted values', () => {
    expect(parseLabels('summary="a, \\"b\\" \\\\ c"')).toEqual({ labels: { summary: 'a, "b" \\ c' } });
  });

  it('says what is wrong', () => {
    expect(parseLabels('team')).toEqual({ error: 'Write "team" as team="value"' });
    expect(parseLabels('team="db')).toEqual({ error: 'The value of team has no closing quote' });
    expect(parseLabels('1team="db"')).toEqual({
      error: '"1team="db"" is not a label name: use letters, digits and _',
    });
    expect(parseLabels('team="a", team="b"')).toEqual({ error: 'The label team is given twice' });
  });

  it('refuses matchers and single-quoted values instead of reading them as bare values', () => {
    for (const op of ['=~', '!=', '!~'])
      expect(parseLabels(`severity="warning", team${op}"pay.*"`)).toEqual({
        error: `team${op} is a matcher, and the tester takes an alert’s labels: give the value it would have, e.g. team="payments"`,
      });
    expect(parseLabels("team='payments'")).toEqual({
      error: 'Quote the value of team with "…", as Prometheus writes labels: team="value"',
    });
    // A quote inside a value is still the value's.
    expect(parseLabels("team=o'brien")).toEqual({ labels: { team: "o'brien" } });
  });
});
