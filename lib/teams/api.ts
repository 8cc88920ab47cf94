import { defineOperation } from '@/lib/api/operation';
import {
  addMemberSchema,
  idParamsSchema,
  memberParamsSchema,
  okSchema,
  setMemberSchema,
  teamDetailSchema,
  teamIdAnswerSchema,
  teamInputSchema,
  teamPatchSchema,
  teamsAnswerSchema,
} from './team-schemas';

// The teams API (see lib/api/operation.ts); this module exports operations only.

const TEAM_CHANGES = ['teams', 'schedules', 'escalation'] as const;

export const listTeamsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/teams',
  tag: 'teams',
  summary: 'Teams, with how many members and schedules each has',
  role: 'viewer',
  response: { schema: teamsAnswerSchema },
});

export const getTeamOp = defineOperation({
  method: 'GET',
  path: '/api/v1/teams/{id}',
  tag: 'teams',
  summary: 'One team (by id or slug): members with their team-admin flag, schedules and channels',
  role: 'viewer',
  params: idParamsSchema,
  response: { schema: teamDetailSchema },
  errors: { 404: 'No such team' },
});

export const createTeamOp = defineOperation({
  method: 'POST',
  path: '/api/v1/teams',
  tag: 'teams',
  summary: 'Create a team (admin)',
  description: '`channels` name notification channels declared in VIGIL_CONFIG; an unknown name is a 422.',
  role: 'admin',
  body: teamInputSchema,
  response: { status: 201, schema: teamIdAnswerSchema },
  invalidates: TEAM_CHANGES,
  errors: { 409: 'The slug is taken' },
});

export const updateTeamOp = defineOperation({
  method: 'PATCH',
  path: '/api/v1/teams/{id}',
  tag: 'teams',
  summary: "Change a team's slug, name, description or channels (admin)",
  role: 'admin',
  params: idParamsSchema,
  body: teamPatchSchema,
  response: { schema: teamIdAnswerSchema },
  invalidates: TEAM_CHANGES,
  errors: { 404: 'No such team', 409: 'The slug is taken' },
});

export const deleteTeamOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/teams/{id}',
  tag: 'teams',
  summary: 'Delete a team (admin); its schedules, policies and routes stay, without a team',
  role: 'admin',
  params: idParamsSchema,
  response: { schema: okSchema },
  invalidates: TEAM_CHANGES,
  errors: { 404: 'No such team' },
});

export const addTeamMemberOp = defineOperation({
  method: 'POST',
  path: '/api/v1/teams/{id}/members',
  tag: 'teams',
  summary: 'Add a member, or set an existing member’s team-admin flag (admin or team admin)',
  role: 'responder',
  params: idParamsSchema,
  body: addMemberSchema,
  response: { schema: okSchema },
  invalidates: TEAM_CHANGES,
  errors: { 404: 'No such team' },
});

export const setTeamMemberOp = defineOperation({
  method: 'PATCH',
  path: '/api/v1/teams/{id}/members/{userId}',
  tag: 'teams',
  summary: 'Make a member team admin or not (admin or team admin)',
  role: 'responder',
  params: memberParamsSchema,
  body: setMemberSchema,
  response: { schema: okSchema },
  invalidates: TEAM_CHANGES,
  errors: { 404: 'No such team or member', 409: 'A team admin cannot remove the last team admin' },
});

export const removeTeamMemberOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/teams/{id}/members/{userId}',
  tag: 'teams',
  summary: 'Remove a member (admin or team admin)',
  role: 'responder',
  params: memberParamsSchema,
  response: { schema: okSchema },
  invalidates: TEAM_CHANGES,
  errors: { 404: 'No such team or member', 409: 'A team admin cannot remove the last team admin' },
});
