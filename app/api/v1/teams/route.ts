import { route } from '@/lib/http/route';
import { createTeamOp, listTeamsOp } from '@/lib/teams/api';
import { createTeam, listTeams } from '@/lib/teams/teams';

export const GET = route(listTeamsOp, async (_input, { actor }) => ({ teams: await listTeams(actor) }));

export const POST = route(createTeamOp, async ({ body }, { actor }) => createTeam(actor, body));
