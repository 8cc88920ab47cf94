import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Who may be put on call or named by an escalation level: an active responder or admin. A viewer cannot
 * acknowledge, so a page to one wakes someone who can do nothing while escalation waits (an incident's
 * commander is refused the same way, lib/incidents/incidents.ts).
 */
export const PAGEABLE = { disabledAt: null, role: { not: 'viewer' } } satisfies Prisma.UserWhereInput;
