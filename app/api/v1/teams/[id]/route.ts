import { route } from '@/lib/http/route';
import { deleteTeamOp, getTeamOp, updateTeamOp } from '@/lib/teams/api';
import { deleteTeam, getTeam, updateTeam } from '@/lib/teams/teams';

export const GET = route(getTeamOp, async ({ params }, { actor }) => getTeam(actor, params.id));

export const PATCH = route(updateTeamOp, async ({ params, body }, { actor }) =>
  updateTeam(actor, params.id, body),
);

export const DELETE = route(deleteTeamOp, async ({ params }, { actor }) => {
  await deleteTeam(actor, params.id);
  return { ok: true as const };
});
