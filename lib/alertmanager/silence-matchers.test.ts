import { describe, expect, it } from 'vitest';
import {
  exactMatchers,
  formatSilenceMatchers,
  fromSilenceMatcher,
  parseSilenceMatchers,
  SilenceMatcherError,
  toSilenceMatcher,
} from './silence-matchers';

const m = (name: string, value: string, isRegex = false, isEqual = true) => ({
  name,
  value,
  isRegex,
  isEqual,
});

describe('parseSilenceMatchers', () => {
  it('reads matchers as amtool writes them, with every operator', () => {
    expect(parseSilenceMatchers('alertname="X", instance=~"db.*", job!="node", env!~"dev|test"')).toEqual([
      m('alertname', 'X'),
      m('instance', 'db.*', true),
      m('job', 'node', false, false),
      m('env', 'dev|test', true, false),
    ]);
  });

  it('reads a selector in braces and bare values', () => {
    expect(parseSilenceMatchers('{alertname=Watchdog}')).toEqual([m('alertname', 'Watchdog')]);
  });

  it("takes Alertmanager's list as it is", () => {
    const list = [m('alertname', 'X'), m('instance', 'db-.*', true)];
    expect(parseSilenceMatchers(list)).toEqual(list);
  });

  it.each([
    ['', 'at least one matcher'],
    ['disk full', '"disk" is not a matcher'],
    ['instance=~"db["', 'invalid regular expression for instance'],
    ['severity="crit', 'unclosed quote'],
    ['job=~".*"', 'would silence every alert'],
    ['job!="node"', 'would silence every alert'],
    ['job=""', 'would silence every alert'],
  ])('refuses %j', (text, message) => {
    expect(() => parseSilenceMatchers(text)).toThrow(SilenceMatcherError);
    expect(() => parseSilenceMatchers(text)).toThrow(message);
  });

  it('refuses a bad label name or regex in a list too', () => {
    expect(() => parseSilenceMatchers([m('1job', 'x')])).toThrow('"1job" is not a label name');
    expect(() => parseSilenceMatchers([m('job', '(a', true)])).toThrow('does not compile');
  });

  it('refuses, in either form, what RE2 (Alertmanager) refuses and JavaScript accepted, saying why', () => {
    expect(() => parseSilenceMatchers([m('instance', 'db(?=-1)', true)])).toThrow(
      `the regex of instance does not compile: lookahead or lookbehind "(?=" in "db(?=-1)": RE2, Alertmanager's regex engine, has none`,
    );
    expect(() => parseSilenceMatchers(String.raw`job=~"(a)\1"`)).toThrow(
      /^invalid regular expression for job: backreference/,
    );
  });

  it('takes RE2 syntax JavaScript lacked, and checks "matches no value" with RE2 too', () => {
    expect(parseSilenceMatchers('instance=~"db-(?i:PRIMARY)"')).toEqual([
      m('instance', 'db-(?i:PRIMARY)', true),
    ]);
    // [[:alpha:]]* matches the empty string, so this alone would silence every alert.
    expect(() => parseSilenceMatchers('job=~"[[:alpha:]]*"')).toThrow('would silence every alert');
  });

  it('accepts a negative matcher next to one that needs a value', () => {
    expect(parseSilenceMatchers('alertname="X" job!="node"')).toHaveLength(2);
  });
});

describe('matcher conversions', () => {
  it('round-trips every operator', () => {
    for (const op of ['=', '!=', '=~', '!~'] as const) {
      const matcher = { name: 'a', op, value: 'b' };
      expect(fromSilenceMatcher(toSilenceMatcher(matcher))).toEqual(matcher);
    }
  });

  it('formats a list as amtool text that parses back to the same list', () => {
    const list = [m('alertname', 'Disk "full"'), m('path', 'C:\\tmp', false, false), m('i', 'db.*', true)];
    const text = formatSilenceMatchers(list);
    expect(text).toBe('alertname="Disk \\"full\\"", path!="C:\\\\tmp", i=~"db.*"');
    expect(parseSilenceMatchers(text)).toEqual(list);
  });

  it('silences exactly one alert with an equality matcher per label, sorted by name', () => {
    expect(exactMatchers({ instance: 'db-1', alertname: 'InstanceDown' })).toEqual([
      m('alertname', 'InstanceDown'),
      m('instance', 'db-1'),
    ]);
  });
});
