import { formatMatcher } from '@/lib/alertmanager/filter-syntax';
import { readViewState, writeViewState } from './view-state';

/**
 * A label chip clicked in an alert row or detail: the filter gains `name="value"` (or `name!="value"`
 * to exclude it). A matcher already there is not added twice, and one with the opposite sense on the
 * same label and value is replaced rather than contradicted. Pure; the filter text is kept as typed.
 *
 *   withLabelMatcher('', 'job', 'api', false)                → 'job="api"'
 *   withLabelMatcher('severity="critical"', 'job', 'api', true) → 'severity="critical" job!="api"'
 *   withLabelMatcher('job="api"', 'job', 'api', true)        → 'job!="api"'
 *   withLabelMatcher('job="api" disk', 'job', 'api', false)  → 'job="api" disk'
 */
export function withLabelMatcher(filter: string, name: string, value: string, exclude: boolean): string {
  const wanted = formatMatcher({ name, op: exclude ? '!=' : '=', value });
  const opposite = formatMatcher({ name, op: exclude ? '=' : '!=', value });
  const words = filter.trim() === '' ? [] : filter.trim().split(/\s+/);
  if (words.includes(wanted)) return filter.trim();
  const at = words.indexOf(opposite);
  if (at >= 0) words[at] = wanted;
  else words.push(wanted);
  return words.join(' ');
}

/**
 * The alerts view filtered by one more label, from the view the user is on (`search`, the current
 * query string; empty outside the alerts view). The open alert stays open; paging starts over.
 *
 *   labelFilterHref('', 'job', 'api', false)                    → '/alerts?filter=job%3D%22api%22'
 *   labelFilterHref('?filter=x&alert=f1', 'job', 'api', true)    → '/alerts?filter=x+job%21%3D%22api%22&alert=f1'
 */
export function labelFilterHref(search: string, name: string, value: string, exclude: boolean): string {
  const state = readViewState(new URLSearchParams(search));
  const filter = withLabelMatcher(state.filter, name, value, exclude);
  return `/alerts?${writeViewState({ ...state, filter, offset: 0 })}`;
}
