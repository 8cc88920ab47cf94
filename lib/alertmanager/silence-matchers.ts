import { MatcherSyntaxError, parseFilter, regexMatches, regexProblem } from '@/lib/alertmanager/matchers';
import type { Matcher as SilenceMatcher } from './schemas';
import { toSilenceMatcher } from './silence-format';

export {
  exactMatchers,
  formatSilenceMatchers,
  fromSilenceMatcher,
  toSilenceMatcher,
} from './silence-format';

/**
 * Silence matchers: Alertmanager's `{name, value, isRegex, isEqual}` list, read from amtool-style text
 * or from that list, and checked the way Alertmanager 0.25 checks them before it accepts a silence, so
 * a bad matcher is a field error here and nothing is sent upstream. Pure.
 *
 *   parseSilenceMatchers('alertname="X", instance=~"db.*"')
 *     → [{name:'alertname', value:'X', isRegex:false, isEqual:true},
 *        {name:'instance', value:'db.*', isRegex:true, isEqual:true}]
 *   parseSilenceMatchers('instance=~"db["') → throws SilenceMatcherError('invalid regular expression for instance: missing closing ]: "[" in "db["')
 *   parseSilenceMatchers('job=~".*"') → throws SilenceMatcherError('… would silence every alert …')
 */

export type { SilenceMatcher };

export class SilenceMatcherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SilenceMatcherError';
  }
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function parseSilenceMatchers(input: string | readonly SilenceMatcher[]): SilenceMatcher[] {
  const matchers = typeof input === 'string' ? matchersFromText(input) : input.map((m) => ({ ...m }));
  if (matchers.length === 0)
    throw new SilenceMatcherError('add at least one matcher, e.g. alertname="InstanceDown"');
  for (const m of matchers) checkMatcher(m);
  // Alertmanager refuses such a silence ("at least one matcher must not match the empty string"): it
  // would also silence every alert that lacks the label, which is nearly always a mistake.
  if (matchers.every(matchesEmpty))
    throw new SilenceMatcherError(
      'these matchers also match alerts without the label, so they would silence every alert; add one that needs a value, e.g. alertname="X"',
    );
  return matchers;
}

/**
 * amtool text to Alertmanager's list, without the checks of parseSilenceMatchers (a form shows a regex
 * that does not compile on its row instead). Throws SilenceMatcherError for bad syntax or free text.
 */
export function matchersFromText(text: string): SilenceMatcher[] {
  let parsed: ReturnType<typeof parseFilter>;
  try {
    parsed = parseFilter(text);
  } catch (error) {
    if (error instanceof MatcherSyntaxError) throw new SilenceMatcherError(error.message);
    throw error;
  }
  if (parsed.text.length > 0)
    throw new SilenceMatcherError(
      `"${parsed.text[0]}" is not a matcher; write name="value", name!="value", name=~"regex" or name!~"regex"`,
    );
  return parsed.matchers.map(toSilenceMatcher);
}

function checkMatcher(m: SilenceMatcher): void {
  if (!LABEL_NAME.test(m.name))
    throw new SilenceMatcherError(
      `"${m.name}" is not a label name (letters, digits and _, not starting with a digit)`,
    );
  if (!m.isRegex) return;
  // regexProblem compiles the value alone, as parseFilter does: "a)|(b" compiles anchored, as
  // "^(?:a)|(b)$", which is no longer anchored (Alertmanager would take it the same way), and the text
  // form refuses it.
  const problem = regexProblem(m.value);
  if (problem) throw new SilenceMatcherError(`the regex of ${m.name} does not compile: ${problem}`);
}

/** Whether the matcher is satisfied by an alert that does not have the label at all. */
function matchesEmpty(m: SilenceMatcher): boolean {
  const equal = m.isRegex ? regexMatches(m.value, '') : m.value === '';
  return m.isEqual ? equal : !equal;
}
