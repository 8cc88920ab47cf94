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

const DEFAULT_STATES: AlertStateFilter[] = ['active', 'acknowledged'];
const PAGE_SIZE = 100;

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

/**
 * The alerts this silence mutes now, on the alerts page: its matchers as the filter, silenced alerts.
 *
 *   silencedAlertsHref('alertname="X"') → '/alerts?filter=alertname%3D%22X%22&state=silenced'
 */
export function silencedAlertsHref(matchersText: string): string {
  return `/alerts?${writeViewState({ filter: matchersText, groupBy: 'alertname', states: ['silenced'], offset: 0, alert: null })}`;
}

/**
 * The query of the alerts API (`GET /api/v1/alerts`) for this view: one page. `hidden`: matchers added
 * to what the user typed, for alerts shown elsewhere (the heartbeat, see heartbeat.ts).
 */
export function apiQuery(state: ViewState, hidden = ''): AlertsApiQuery {
  return {
    filter: [state.filter, hidden].filter(Boolean).join(' '),
    group_by: state.groupBy,
    state: state.states.join(','),
    offset: state.offset,
    limit: PAGE_SIZE,
  };
}
export type AlertsApiQuery = {
  filter: string;
  group_by: string;
  state: string;
  offset: number;
  limit: number;
};
