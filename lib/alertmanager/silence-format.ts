import { formatMatcher, type Matcher } from '@/lib/alertmanager/filter-syntax';
import type { Matcher as SilenceMatcher } from './schemas';

/**
 * Silence matchers converted and printed, without checking them: safe for the browser without RE2
 * (the checks are in silence-matchers.ts), so a page that only builds a silence's text (the alerts
 * list's acknowledge and silence actions) does not ship re2js. Pure.
 */

/**
 *   toSilenceMatcher({name:'job', op:'!~', value:'node.*'}) → {name:'job', value:'node.*', isRegex:true, isEqual:false}
 */
export function toSilenceMatcher(m: Matcher): SilenceMatcher {
  return { name: m.name, value: m.value, isRegex: m.op.endsWith('~'), isEqual: !m.op.startsWith('!') };
}

/**
 *   fromSilenceMatcher({name:'job', value:'node.*', isRegex:true, isEqual:false}) → {name:'job', op:'!~', value:'node.*'}
 */
export function fromSilenceMatcher(m: SilenceMatcher): Matcher {
  const op = `${m.isEqual ? '=' : '!='}${m.isRegex ? '~' : ''}`.replace('!=~', '!~') as Matcher['op'];
  return { name: m.name, op, value: m.value };
}

/**
 * The matchers as amtool writes them, for forms, comments and links.
 *
 *   formatSilenceMatchers([{name:'alertname', value:'X', isRegex:false, isEqual:true}]) → 'alertname="X"'
 */
export function formatSilenceMatchers(matchers: readonly SilenceMatcher[]): string {
  return matchers.map((m) => formatMatcher(fromSilenceMatcher(m))).join(', ');
}

/**
 * The matchers that silence exactly one alert: an equality matcher for each of its labels. Alertmanager
 * identifies an alert by its whole label set, so this cannot catch a different alert.
 *
 *   exactMatchers({alertname:'InstanceDown', instance:'db-1'})
 *     → [{name:'alertname', value:'InstanceDown', isRegex:false, isEqual:true}, {name:'instance', …}]
 */
export function exactMatchers(labels: Readonly<Record<string, string>>): SilenceMatcher[] {
  return Object.keys(labels)
    .sort()
    .map((name) => ({ name, value: labels[name] ?? '', isRegex: false, isEqual: true }));
}
