/**
 * The teams a person may give a schedule, policy or route (an admin: every team; a responder: those they
 * are a team admin of), and whether they may leave the team out (admins only): lib/teams/access.ts
 * canManageTeam's rule as a form needs it, computed on the server by teamChoices. Client-safe.
 */
export type TeamChoices = { teams: { id: string; name: string }[]; noTeam: boolean };

/** Whether someone with these choices may change a thing owned by `teamId` (null: no team). */
export function mayChange(choices: TeamChoices, teamId: string | null): boolean {
  return teamId === null ? choices.noTeam : choices.noTeam || choices.teams.some((t) => t.id === teamId);
}

/** Whether there is anything to create it under: a team of theirs, or none (admins). */
export const mayCreate = (choices: TeamChoices): boolean => choices.noTeam || choices.teams.length > 0;
