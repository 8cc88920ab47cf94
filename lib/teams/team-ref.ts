import 'server-only';
import { ValidationError } from '@/lib/errors';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

type Client = Prisma.TransactionClient | PrismaClient;

/**
 * The owning team of a schedule, policy or route as a request names it — its id or its slug, like
 * every other on-call reference — turned into its id before anyone asks whether the caller may manage
 * it (lib/teams/access.ts): otherwise a slug or a typo reads as "not your team" (403) to a team admin
 * and as a 422 to an admin. An unknown team is a 422 naming `field` for everyone; that tells nobody
 * anything new, since every signed-in user lists the teams (GET /api/v1/teams, role viewer).
 *
 *   'qa' (the slug of team t-1) → 't-1';   't-1' → 't-1';   null → null;   'qa-typo' → ValidationError
 */
export async function resolveTeamId(
  client: Client,
  idOrSlug: string | null,
  field = 'teamId',
): Promise<string | null> {
  if (idOrSlug === null) return null;
  const team = await client.team.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: { id: true },
  });
  if (!team)
    throw new ValidationError(`No team "${idOrSlug}"; GET /api/v1/teams lists them (by id and slug).`, {
      [field]: `there is no team ${idOrSlug}`,
    });
  return team.id;
}
