import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';
import {
  calendarParamsSchema,
  createdFeedSchema,
  feedParamsSchema,
  feedsAnswerSchema,
  myFeedParamsSchema,
  okSchema,
  onCallAnswerSchema,
  onCallQuerySchema,
  overrideInputSchema,
  overrideParamsSchema,
  overrideSchema,
  overridesAnswerSchema,
  rangeQuerySchema,
  scheduleDetailSchema,
  scheduleIdAnswerSchema,
  scheduleInputSchema,
  scheduleParamsSchema,
  schedulesAnswerSchema,
  shiftsAnswerSchema,
  swapInputSchema,
  swapParamsSchema,
  swapSchema,
  swapsAnswerSchema,
} from './schedule-schemas';
import { MAX_RANGE_DAYS } from './shifts';

// The schedules API (see lib/api/operation.ts): schedules, shifts, who is on call, overrides, shift
// swaps and calendar feeds. This module exports operations only.

/** Who is on call shows on schedules, teams, profiles and the header (account). */
const ON_CALL_CHANGES = ['schedules', 'teams', 'account'] as const;
const MANAGE = 'An admin, or a team admin of the schedule’s team (a schedule without a team: admins only).';
const RANGE_DESCRIPTIONS = {
  from: 'ISO 8601 time with offset; default now (or `to` minus 7 days)',
  to: `ISO 8601 time with offset; default \`from\` plus 7 days; at most ${MAX_RANGE_DAYS} days after \`from\``,
};
/** Bodyless POSTs: a bare POST (no body, no content type) reads as `{}`, as for escalation. */
const noBody = { body: z.object({}), bodyOptional: true } as const;

export const listSchedulesOp = defineOperation({
  method: 'GET',
  path: '/api/v1/schedules',
  tag: 'schedules',
  summary: 'Schedules, each with who is on call now and until when',
  role: 'viewer',
  response: { schema: schedulesAnswerSchema },
});

export const createScheduleOp = defineOperation({
  method: 'POST',
  path: '/api/v1/schedules',
  tag: 'schedules',
  summary: 'Create a schedule with its layers',
  description: `${MANAGE} Layers are listed lowest first; participants are active users' ids in rotation order.`,
  role: 'responder',
  body: scheduleInputSchema,
  response: { status: 201, schema: scheduleIdAnswerSchema },
  invalidates: ON_CALL_CHANGES,
  errors: { 409: 'The slug is taken' },
});

export const getScheduleOp = defineOperation({
  method: 'GET',
  path: '/api/v1/schedules/{id}',
  tag: 'schedules',
  summary: 'One schedule (by id or slug): layers with participants, upcoming overrides, who is on call',
  role: 'viewer',
  params: scheduleParamsSchema,
  response: { schema: scheduleDetailSchema },
  errors: { 404: 'No such schedule' },
});

export const replaceScheduleOp = defineOperation({
  method: 'PUT',
  path: '/api/v1/schedules/{id}',
  tag: 'schedules',
  summary: 'Replace a schedule, its whole list of layers included (one transaction)',
  description: `${MANAGE} Moving a schedule to another team needs the right on both teams. Layer positions come from the list's order (the first is the lowest); layers get new ids.`,
  role: 'responder',
  params: scheduleParamsSchema,
  body: scheduleInputSchema,
  response: { schema: scheduleIdAnswerSchema },
  invalidates: ON_CALL_CHANGES,
  errors: { 404: 'No such schedule', 409: 'The slug is taken' },
});

export const deleteScheduleOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/schedules/{id}',
  tag: 'schedules',
  summary: 'Delete a schedule with its layers, overrides, swap requests and feeds',
  description: MANAGE,
  role: 'responder',
  params: scheduleParamsSchema,
  response: { schema: okSchema },
  invalidates: [...ON_CALL_CHANGES, 'escalation'],
  errors: { 404: 'No such schedule', 409: 'An escalation level pages this schedule’s on-call' },
});

export const scheduleShiftsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/schedules/{id}/shifts',
  tag: 'schedules',
  summary: 'Computed shifts over a range: the final ones and each layer’s, with names',
  role: 'viewer',
  params: scheduleParamsSchema,
  query: rangeQuerySchema,
  queryDescriptions: RANGE_DESCRIPTIONS,
  response: { schema: shiftsAnswerSchema },
  errors: { 404: 'No such schedule' },
});

export const onCallOp = defineOperation({
  method: 'GET',
  path: '/api/v1/oncall',
  tag: 'schedules',
  summary: 'Who is on call on every schedule at an instant, and until when',
  role: 'viewer',
  query: onCallQuerySchema,
  queryDescriptions: { at: 'ISO 8601 time with offset; default now' },
  response: { schema: onCallAnswerSchema },
});

export const listOverridesOp = defineOperation({
  method: 'GET',
  path: '/api/v1/schedules/{id}/overrides',
  tag: 'schedules',
  summary: 'Overrides overlapping a range (default: those not yet over), by start',
  role: 'viewer',
  params: scheduleParamsSchema,
  query: rangeQuerySchema,
  queryDescriptions: { from: 'ISO 8601 time with offset; default now', to: 'ISO 8601 time; default none' },
  response: { schema: overridesAnswerSchema },
  errors: { 404: 'No such schedule' },
});

export const createOverrideOp = defineOperation({
  method: 'POST',
  path: '/api/v1/schedules/{id}/overrides',
  tag: 'schedules',
  summary: 'Put someone on call over an interval, above every layer',
  description: `A responder may cover themselves (\`userId\` their own). Covering for someone else: ${MANAGE}`,
  role: 'responder',
  params: scheduleParamsSchema,
  body: overrideInputSchema,
  response: { status: 201, schema: overrideSchema },
  invalidates: ON_CALL_CHANGES,
  errors: { 404: 'No such schedule' },
});

export const deleteOverrideOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/schedules/{id}/overrides/{overrideId}',
  tag: 'schedules',
  summary: 'Delete an override',
  description: `The person the override puts on call may delete it; anyone else's: ${MANAGE}`,
  role: 'responder',
  params: overrideParamsSchema,
  response: { schema: okSchema },
  invalidates: ON_CALL_CHANGES,
  errors: { 404: 'No such schedule or override' },
});

export const requestSwapOp = defineOperation({
  method: 'POST',
  path: '/api/v1/schedules/{id}/swap-requests',
  tag: 'schedules',
  summary: 'Ask someone (or anyone on the schedule) to cover part of your shift',
  description:
    'The caller must be on call over the whole interval. Accepted, the request becomes an override for the acceptor.',
  role: 'responder',
  params: scheduleParamsSchema,
  body: swapInputSchema,
  response: { status: 201, schema: swapSchema },
  invalidates: ['schedules'],
  errors: { 404: 'No such schedule' },
});

export const listSwapsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/swap-requests',
  tag: 'schedules',
  summary: 'Open shift-swap requests for me, and my own requests',
  role: 'viewer',
  response: { schema: swapsAnswerSchema },
});

export const acceptSwapOp = defineOperation({
  method: 'POST',
  path: '/api/v1/swap-requests/{id}/accept',
  tag: 'schedules',
  summary: 'Accept a shift-swap request: an override puts you on call over its interval',
  description:
    'The person asked, or (for an open request) anyone in one of the schedule’s layers. The status change and the override are one transaction; a request already decided answers 409.',
  role: 'responder',
  params: swapParamsSchema,
  ...noBody,
  response: { schema: swapSchema },
  invalidates: ON_CALL_CHANGES,
  errors: { 404: 'No such request', 409: 'Already accepted, declined, cancelled or over' },
});

export const declineSwapOp = defineOperation({
  method: 'POST',
  path: '/api/v1/swap-requests/{id}/decline',
  tag: 'schedules',
  summary: 'Decline a shift-swap request asked of you',
  role: 'responder',
  params: swapParamsSchema,
  ...noBody,
  response: { schema: swapSchema },
  invalidates: ['schedules'],
  errors: { 404: 'No such request', 409: 'Already decided' },
});

export const cancelSwapOp = defineOperation({
  method: 'POST',
  path: '/api/v1/swap-requests/{id}/cancel',
  tag: 'schedules',
  summary: 'Cancel your shift-swap request (or, as team admin, one on your team’s schedule)',
  role: 'responder',
  params: swapParamsSchema,
  ...noBody,
  response: { schema: swapSchema },
  invalidates: ['schedules'],
  errors: { 404: 'No such request', 409: 'Already decided' },
});

const FEED_DESCRIPTION =
  'The answer holds the secret once; only its SHA-256 is stored. Subscribe to the path, prefixed with the console’s URL, in a calendar app; it shows the past 30 and next 60 days.';

export const createScheduleFeedOp = defineOperation({
  method: 'POST',
  path: '/api/v1/schedules/{id}/calendar-feeds',
  tag: 'schedules',
  summary: 'Create a secret iCal feed URL of a schedule’s shifts',
  description: FEED_DESCRIPTION,
  role: 'viewer',
  params: scheduleParamsSchema,
  ...noBody,
  response: { status: 201, schema: createdFeedSchema },
  invalidates: ['schedules'],
  errors: { 404: 'No such schedule' },
});

export const listScheduleFeedsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/schedules/{id}/calendar-feeds',
  tag: 'schedules',
  summary: 'A schedule’s active feeds: yours, or all of them for an admin or team admin',
  role: 'viewer',
  params: scheduleParamsSchema,
  response: { schema: feedsAnswerSchema },
  errors: { 404: 'No such schedule' },
});

export const revokeScheduleFeedOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/schedules/{id}/calendar-feeds/{feedId}',
  tag: 'schedules',
  summary: 'Revoke a schedule feed at once (its creator, an admin or a team admin)',
  role: 'viewer',
  params: feedParamsSchema,
  response: { schema: okSchema },
  invalidates: ['schedules'],
  errors: { 404: 'No such feed of yours' },
});

export const createMyFeedOp = defineOperation({
  method: 'POST',
  path: '/api/v1/me/calendar-feeds',
  tag: 'account',
  summary: 'Create a secret iCal feed URL of your own shifts on every schedule',
  description: FEED_DESCRIPTION,
  role: 'viewer',
  ...noBody,
  response: { status: 201, schema: createdFeedSchema },
  invalidates: ['account'],
});

export const listMyFeedsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/me/calendar-feeds',
  tag: 'account',
  summary: 'Your active personal calendar feeds',
  role: 'viewer',
  response: { schema: feedsAnswerSchema },
});

export const revokeMyFeedOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/me/calendar-feeds/{feedId}',
  tag: 'account',
  summary: 'Revoke one of your personal calendar feeds at once',
  role: 'viewer',
  params: myFeedParamsSchema,
  response: { schema: okSchema },
  invalidates: ['account'],
  errors: { 404: 'No such feed of yours' },
});

export const calendarFeedOp = defineOperation({
  method: 'GET',
  path: '/api/v1/calendar/{secret}',
  tag: 'schedules',
  summary: 'A calendar feed: shifts as iCalendar, the past 30 and next 60 days',
  description:
    'No credentials: the secret in the path is the credential (created by the calendar-feeds operations). Unknown or revoked: 404.',
  role: 'public',
  params: calendarParamsSchema,
  response: { contentType: 'text/calendar; charset=utf-8', description: 'An iCalendar (RFC 5545) document' },
  errors: { 404: 'No such feed, or revoked' },
});
