import { ALERT_STATES, type AlertStateFilter } from '@/lib/alerts/api-schema';

/**
 * The alerts view's state lives in the URL, so a filtered view can be shared:
 * `/alerts?filter=severity%3D%22critical%22&group_by=instance&state=active,silenced&offset=100&alert=<fp>`.
 * Defaults are left out of the URL. Pure.
 */
export type ViewState = {
  filter: string;
  groupBy: string;
  states: AlertStateFilter[];
  offset: number;
  /** The alert open in the side panel. */
  alert: string | null;
};

export const DEFAULT_STATES: AlertStateFilter[] = ['active', 'acknowledged'];
export const PAGE_SIZE = 100;

export function readViewState(params: URLSearchParams): ViewState {
  const states = (params.get('state') ?? DEFAULT_STATES.join(','))
    .split(',')
    .filter((s): s is AlertStateFilter => (ALERT_STATES as readonly string[]).includes(s));
  const offset = Number(params.get('offset') ?? 0);
  return {
    filter: params.get('filter') ?? '',
    groupBy: params.get('group_by') ?? 'alertname',
    states,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    alert: params.get('alert'),
  };
}

export function writeViewState(state: ViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.filter) params.set('filter', state.filter);
  if (state.groupBy !== 'alertname') params.set('group_by', state.groupBy);
  const states = ALERT_STATES.filter((s) => state.states.includes(s));
  if (states.join(',') !== DEFAULT_STATES.join(',')) params.set('state', states.join(','));
  if (state.offset) params.set('offset', String(state.offset));
  if (state.alert) params.set('alert', state.alert);
  return params;
}

/** The query string of the alerts API for this view. */
export function apiQuery(state: ViewState): string {
  const params = new URLSearchParams({
    filter: state.filter,
    group_by: state.groupBy,
    state: state.states.join(','),
    offset: String(state.offset),
    limit: String(PAGE_SIZE),
  });
  return params.toString();
}
