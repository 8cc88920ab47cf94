import { route } from '@/lib/http/route';
import { removeTeamMemberOp, setTeamMemberOp } from '@/lib/teams/api';
import { removeMember, setMemberAdmin } from '@/lib/teams/teams';

export const PATCH = route(setTeamMemberOp, async ({ params, body }, { actor }) => {
  await setMemberAdmin(actor, params.id, params.userId, body.isAdmin);
  return { ok: true as const };
});

export const DELETE = route(removeTeamMemberOp, async ({ params }, { actor }) => {
  await removeMember(actor, params.id, params.userId);
  return { ok: true as const };
});
