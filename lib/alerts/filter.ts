import { type Matcher, matchesLabels } from '@/lib/alertmanager/matchers';
import { ValidationError } from '@/lib/errors';
import { stateCategory } from './alert-counts';
import type { IndexedAlert } from './alert-items';
import { ALERT_STATES, type AlertStateFilter } from './api-schema';

/**
 * Which alerts the alerts view shows: label matchers, free text and state toggles. Pure.
 */

/**
 * The `state` query parameter: comma-separated toggles, in any order and case. Empty means none (the
 * view then lists nothing, as when every toggle is off). An unknown name is a ValidationError on `state`.
 *
 *   parseStates('active,acknowledged') → Set {'active', 'acknowledged'}
 *   parseStates('firing') → throws ValidationError({state: 'unknown state "firing"; use active, silenced, inhibited or acknowledged'})
 */
export function parseStates(value: string): ReadonlySet<AlertStateFilter> {
  const states = new Set<AlertStateFilter>();
  for (const raw of value.split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    if (!(ALERT_STATES as readonly string[]).includes(name))
      throw new ValidationError('Some fields are invalid.', {
        state: `unknown state "${raw.trim()}"; use active, silenced, inhibited or acknowledged`,
      });
    states.add(name as AlertStateFilter);
  }
  return states;
}

export type AlertFilter = {
  matchers: readonly Matcher[];
  /** Words or phrases that must all occur (case-insensitively) in the alert's search text. */
  text: readonly string[];
  states: ReadonlySet<AlertStateFilter>;
};

/**
 * A predicate for one filter, to run over many alerts: words are lower-cased and regexes compiled once.
 *
 *   alertPredicate({matchers: [severity="critical"], text: ['Disk'], states: {'active'}})
 *     → true for a firing critical alert whose summary says "disk 95 % full"
 */
export function alertPredicate(filter: AlertFilter): (alert: IndexedAlert) => boolean {
  const words = filter.text.map((w) => w.toLowerCase()).filter((w) => w !== '');
  const { matchers, states } = filter;
  return (alert) =>
    states.has(stateCategory(alert.item)) &&
    words.every((w) => alert.haystack.includes(w)) &&
    matchesLabels(matchers, alert.item.labels);
}
