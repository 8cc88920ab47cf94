import { type Matcher, matchesLabels } from '@/lib/alertmanager/matchers';
import { ValidationError } from '@/lib/errors';
import { countByState, type StateCounts, stateCategory } from './alert-counts';
import type { IndexedAlert } from './alert-items';
import { ALERT_STATES, type AlertStateFilter } from './api-schema';

/**
 * Which alerts the alerts view shows: label matchers, free text and state toggles, and how many each
 * toggle would show. Pure.
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

/** Which alerts the list shows, and the counts by state that its state toggles show. */
export type AlertSelection = {
  /** Whether the list shows the alert. Call it once per alert: it also counts the alert (see byState). */
  shows(alert: IndexedAlert): boolean;
  /**
   * Of the alerts given to `shows` so far, those the matchers and text find, by state, whether or not
   * their state is selected: what each toggle would list, so narrowing the states changes no count.
   */
  readonly byState: StateCounts;
};

/**
 * The list's predicate for one filter, to run over many alerts (words are lower-cased and regexes
 * compiled once), counting by state on the way: the toggles' counts come from the same pass as the
 * list, so they cannot disagree with it (a heartbeat the page leaves out with a matcher is out of both).
 * Every alert goes through the text and matchers, whatever its state: the counts need them.
 *
 *   const selection = alertSelection({matchers: [severity="info"], text: [], states: {'active'}})
 *   alerts.filter(selection.shows) → the active info alerts
 *   selection.byState → every info alert by state, e.g. {active: 7, silenced: 8, inhibited: 0, acknowledged: 0}
 */
export function alertSelection(filter: AlertFilter): AlertSelection {
  const words = filter.text.map((w) => w.toLowerCase()).filter((w) => w !== '');
  const { matchers, states } = filter;
  const byState = countByState([]);
  return {
    byState,
    shows(alert) {
      if (!words.every((w) => alert.haystack.includes(w)) || !matchesLabels(matchers, alert.item.labels))
        return false;
      const state = stateCategory(alert.item);
      byState[state]++;
      return states.has(state);
    },
  };
}
