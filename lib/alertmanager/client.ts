import 'server-only';
import { z } from 'zod';
import { NotFoundError } from '@/lib/errors';
import { label, requestUpstream, type UpstreamRequest, type UpstreamTarget } from '@/lib/upstreams/http';
import { errorMessage } from './error-message';
import {
  type AlertGroup,
  type AmAlert,
  type AmStatus,
  alertGroupSchema,
  amAlertSchema,
  amStatusSchema,
  type PostableAlert,
  postSilenceResponseSchema,
  type Silence,
  type SilenceInput,
  silenceSchema,
} from './schemas';

/**
 * Alertmanager API v2, one peer at a time. Every call goes through requestUpstream (deadline, auth, zod,
 * UpstreamError with a hint). Reading a whole HA cluster and writing with failover is cluster.ts's job:
 * alerts are not gossiped between peers, so no single peer is the truth.
 */

/**
 * Query of GET /api/v2/alerts. The booleans default to true on Alertmanager's side (silenced and inhibited
 * alerts are included unless excluded); `matchers` are sent as repeated `filter=` parameters in matcher
 * syntax (`alertname="X"`, `env=~"prod.*"`) and must all match; `receiver` is a regex.
 *
 * @example {active: true, silenced: false, matchers: ['severity="critical"']}
 *   → ?active=true&silenced=false&filter=severity%3D%22critical%22
 */
export type AlertFilter = {
  active?: boolean;
  silenced?: boolean;
  inhibited?: boolean;
  unprocessed?: boolean;
  matchers?: string[];
  receiver?: string;
};

/** GET /api/v2/alerts/groups takes the same query minus `unprocessed`. */
export type AlertGroupFilter = Omit<AlertFilter, 'unprocessed'>;

const flag = (value: boolean | undefined) => (value === undefined ? undefined : String(value));

function alertQuery(filter: AlertFilter) {
  return {
    active: flag(filter.active),
    silenced: flag(filter.silenced),
    inhibited: flag(filter.inhibited),
    unprocessed: flag(filter.unprocessed),
    filter: filter.matchers,
    receiver: filter.receiver,
  };
}

/** The alerts one peer holds; their order is not stable between calls. */
export function getAlerts(peer: UpstreamTarget, filter: AlertFilter = {}): Promise<AmAlert[]> {
  return requestUpstream(peer, {
    path: '/api/v2/alerts',
    query: alertQuery(filter),
    schema: z.array(amAlertSchema),
    items: true,
    errorMessage,
  });
}

/** One peer's alerts grouped by route and group key; an alert can appear in several groups. */
export function getAlertGroups(peer: UpstreamTarget, filter: AlertGroupFilter = {}): Promise<AlertGroup[]> {
  return requestUpstream(peer, {
    path: '/api/v2/alerts/groups',
    query: alertQuery(filter),
    schema: z.array(alertGroupSchema),
    errorMessage,
  });
}

/**
 * Silences, expired ones included. A `matchers` entry such as `alertname="X"` keeps the silences that have
 * a matcher with that name and value (Alertmanager compares the silence's own matchers, not alerts).
 */
export function getSilences(peer: UpstreamTarget, matchers?: string[]): Promise<Silence[]> {
  return requestUpstream(peer, {
    path: '/api/v2/silences',
    query: { filter: matchers },
    schema: z.array(silenceSchema),
    errorMessage,
  });
}

/** One silence; throws NotFoundError when the peer does not know the id. */
export function getSilence(peer: UpstreamTarget, id: string): Promise<Silence> {
  return silenceRequest(peer, id, { path: silencePath(id), schema: silenceSchema });
}

/**
 * Creates a silence, or updates `input.id`, and resolves with the id Alertmanager answers. That id is the
 * one to store: an update that changes the matchers (or the start of an active silence) expires the old
 * silence and creates a new one with a new id. The silence reaches the other peers by gossip.
 */
export function postSilence(peer: UpstreamTarget, input: SilenceInput): Promise<string> {
  const request = { path: '/api/v2/silences', json: input, schema: postSilenceResponseSchema };
  // An update of an id the peer does not know answers 404 "silence not found" (0.25): a NotFoundError.
  return input.id
    ? silenceRequest(peer, input.id, request)
    : requestUpstream(peer, { ...request, errorMessage });
}

/**
 * Expires a silence (Alertmanager never deletes one before its retention). Succeeds for an already
 * expired silence too; throws NotFoundError for an id the peer does not know.
 */
export async function expireSilence(peer: UpstreamTarget, id: string): Promise<void> {
  await silenceRequest(peer, id, {
    method: 'DELETE',
    path: silencePath(id),
    // Alertmanager answers 200 with an empty body and no Content-Type: the status is the whole answer.
    schema: z.unknown(),
    emptyBody: null,
  });
}

/** Version, uptime and the peer's view of its gossip cluster. */
export function getStatus(peer: UpstreamTarget): Promise<AmStatus> {
  return requestUpstream(peer, { path: '/api/v2/status', schema: amStatusSchema, errorMessage });
}

/**
 * Sends alerts the way Prometheus does (for tests and benchmarks). Only this peer gets them: Prometheus
 * itself posts to every peer, because Alertmanager does not gossip alerts.
 */
export async function postAlerts(peer: UpstreamTarget, alerts: PostableAlert[]): Promise<void> {
  await requestUpstream(peer, {
    path: '/api/v2/alerts',
    json: alerts,
    // 200 with an empty body.
    schema: z.unknown(),
    emptyBody: null,
    errorMessage,
  });
}

const silencePath = (id: string) => `/api/v2/silence/${encodeURIComponent(id)}`;

/**
 * Runs a request about one silence and turns Alertmanager's ways of saying "no such silence" into a
 * NotFoundError (HTTP 404 for our callers; writeWithFailover does not try another peer for it, as
 * silences are gossiped). Alertmanager 0.25: GET answers 404 with an EMPTY body; DELETE answers 500 and POST of an
 * update 404, both with the bare JSON string "silence not found". Any other 404 body
 * (`{code:404, message:"path … was not found"}`) means the base URL is wrong and stays an UpstreamError.
 */
async function silenceRequest<S extends z.ZodType>(
  peer: UpstreamTarget,
  id: string,
  request: Omit<UpstreamRequest<S>, 'errorMessage'>,
): Promise<z.infer<S>> {
  let unknownSilence = false;
  try {
    return await requestUpstream(peer, {
      ...request,
      errorMessage: (status, body) => {
        const message = errorMessage(status, body);
        unknownSilence = (status === 404 && body.trim() === '') || message === 'silence not found';
        return message;
      },
    });
  } catch (error) {
    if (!unknownSilence) throw error;
    throw new NotFoundError(
      `Silence ${id} does not exist on ${label(peer)} (${new URL(peer.baseUrl).host}). Check the id: ` +
        'expired silences are deleted after the retention (120 h by default).',
    );
  }
}
