import type { SilenceInput } from '@/lib/alertmanager/schemas';
import { exactMatchers } from '@/lib/alertmanager/silence-matchers';

/**
 * What happens to an open acknowledgement after each poll of its Alertmanager cluster, and the silence
 * an acknowledgement is made of. Pure: the poller (ack-reconciler.ts) carries the decisions out.
 */

export type OpenAck = {
  id: string;
  /** The alert's startsAt when it was acknowledged: a later one means it resolved and fired again. */
  alertStartsAt: Date;
  /** The acknowledgement's own silence, if it has one and Vigil has not expired it. */
  silence: { silenceId: string; endsAt: Date } | null;
  /** How far each extension pushes the silence's end. */
  silenceMs: number | null;
};

export type AckDecision =
  | { kind: 'keep' }
  | { kind: 'extend'; endsAt: Date }
  /** The alert is gone (or a new firing replaced it): expire the silence, close the acknowledgement. */
  | { kind: 'resolved' }
  /** Someone expired the silence outside Vigil (amtool, another tool): the acknowledgement ends with it. */
  | { kind: 'silence-expired' };

/**
 * The decision for one acknowledgement, given the alert as the latest poll sees it (undefined: not
 * firing any more) and its silence's state in Alertmanager (undefined: not in the snapshot, which says
 * nothing — the silences read may have failed or gossip may lag).
 *
 * The silence is extended once less than half its span is left, and never later than three polls
 * before its end, so one failed poll or write cannot let it lapse while the alert still fires.
 *
 *   ackDecision(ack, undefined, …) → {kind: 'resolved'}
 *   ackDecision({…silence ends in 20 min, silenceMs 1 h}, alert, active, now, 10 s) → {kind: 'extend', endsAt: now + 1 h}
 */
export function ackDecision(
  ack: OpenAck,
  alert: { startsAt: string } | undefined,
  silenceState: { state: 'active' | 'pending' | 'expired'; endsAt: string } | undefined,
  nowMs: number,
  /** How far apart the cluster's polls are, so an extension is never left for a pass that comes too late. */
  pollPeriodMs: number,
): AckDecision {
  if (!alert) return { kind: 'resolved' };
  // A second is slack for clock formats; a new firing starts at least one evaluation later.
  if (Date.parse(alert.startsAt) > ack.alertStartsAt.getTime() + 1000) return { kind: 'resolved' };
  if (!ack.silence || ack.silenceMs === null) return { kind: 'keep' };
  const endsAt = silenceState ? Date.parse(silenceState.endsAt) : ack.silence.endsAt.getTime();
  if (silenceState?.state === 'expired' || endsAt <= nowMs) return { kind: 'silence-expired' };
  const left = endsAt - nowMs;
  if (left < Math.max(ack.silenceMs / 2, 3 * pollPeriodMs))
    return { kind: 'extend', endsAt: new Date(nowMs + ack.silenceMs) };
  return { kind: 'keep' };
}

/**
 * The silence an acknowledgement creates: exactly its alert (an equality matcher per label), by the
 * user who acknowledged, with a comment naming the acknowledgement so `amtool silence query` explains it.
 *
 *   ackSilence({labels:{alertname:'InstanceDown', instance:'db-1'}, ackId:'a1', by:'ana@example.com',
 *     comment:'looking', startsAt, endsAt})
 *     → {matchers:[alertname="InstanceDown", instance="db-1"], createdBy:'ana@example.com',
 *        comment:'Acknowledged in Vigil (ack a1): looking', startsAt, endsAt}
 */
export function ackSilence(input: {
  labels: Readonly<Record<string, string>>;
  ackId: string;
  by: string;
  comment: string | null | undefined;
  startsAt: Date;
  endsAt: Date;
}): SilenceInput {
  const note = input.comment?.trim();
  return {
    matchers: exactMatchers(input.labels),
    startsAt: input.startsAt.toISOString(),
    endsAt: input.endsAt.toISOString(),
    createdBy: input.by,
    comment: `Acknowledged in Vigil (ack ${input.ackId})${note ? `: ${note}` : ''}`,
  };
}
