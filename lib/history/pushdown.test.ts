import { describe, expect, it } from 'vitest';
import type { Matcher } from '@/lib/alertmanager/filter-syntax';
import { splitMatchers } from './pushdown';

const m = (name: string, op: Matcher['op'], value: string): Matcher => ({ name, op, value });

describe('splitMatchers', () => {
  it('pushes non-empty equalities down (alertname also to its column) and keeps regexes and negatives', () => {
    expect(
      splitMatchers([
        m('alertname', '=', 'HighCPU'),
        m('instance', '=~', 'db-.*'),
        m('team', '=', 'db'),
        m('severity', '!=', 'info'),
        m('env', '!~', 'dev|test'),
      ]),
    ).toEqual({
      labels: { alertname: 'HighCPU', team: 'db' },
      alertname: 'HighCPU',
      rest: [m('instance', '=~', 'db-.*'), m('severity', '!=', 'info'), m('env', '!~', 'dev|test')],
    });
  });

  it('keeps `x=""` (it matches a missing label) and a repeated name for Vigil to evaluate', () => {
    expect(splitMatchers([m('team', '=', ''), m('job', '=', 'a'), m('job', '=', 'b')])).toEqual({
      labels: { job: 'a' },
      alertname: undefined,
      rest: [m('team', '=', ''), m('job', '=', 'b')],
    });
  });

  it('pushes nothing for no matchers', () => {
    expect(splitMatchers([])).toEqual({ labels: {}, alertname: undefined, rest: [] });
  });
});
