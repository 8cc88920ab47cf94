import {
  SILENCE_ATTENTION,
  SILENCE_STATES,
  type SilenceAttention,
  type SilenceState,
} from '@/lib/incidents/silence-list';

/**
 * The silences page's state lives in the URL, so a view can be shared:
 * `/silences?state=expired&filter=alertname%3D%22X%22&creator=alice&id=<silence id>`, or
 * `/silences?attention=idle` (active silences muting nothing).
 * The default (the Active tab, no filter) is left out. Pure; used by the server page and the browser.
 */
export type SilencesViewState = {
  state: SilenceState;
  /** Label matchers and words, as in the alerts filter. */
  filter: string;
  creator: string;
  /** A silence to point out (links from an alert's "silenced by" badge). */
  id: string | null;
  /** Active silences needing that kind of attention only. */
  attention: SilenceAttention | null;
};

export function readSilencesView(params: URLSearchParams): SilencesViewState {
  const state = params.get('state');
  return {
    state: (SILENCE_STATES as readonly string[]).includes(state ?? '') ? (state as SilenceState) : 'active',
    filter: params.get('filter') ?? '',
    creator: params.get('creator') ?? '',
    id: params.get('id'),
    attention: (SILENCE_ATTENTION as readonly string[]).includes(params.get('attention') ?? '')
      ? (params.get('attention') as SilenceAttention)
      : null,
  };
}

export function writeSilencesView(view: SilencesViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (view.state !== 'active') params.set('state', view.state);
  if (view.filter) params.set('filter', view.filter);
  if (view.creator) params.set('creator', view.creator);
  if (view.id) params.set('id', view.id);
  if (view.attention) params.set('attention', view.attention);
  return params;
}

/**
 * The query of `GET /api/v1/silences` for this view (the state always named: the API without one lists
 * every state).
 *
 *   silencesApiQuery({state:'active', filter:'', creator:'', id:null, attention:null}) → {state:'active'}
 */
export function silencesApiQuery(view: SilencesViewState): SilencesApiQuery {
  return {
    state: view.state,
    ...(view.filter ? { filter: view.filter } : {}),
    ...(view.creator ? { creator: view.creator } : {}),
    ...(view.attention ? { attention: view.attention } : {}),
  };
}
export type SilencesApiQuery = {
  state: SilenceState;
  filter?: string;
  creator?: string;
  attention?: SilenceAttention;
};
