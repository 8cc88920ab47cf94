export const ROLES = ['viewer', 'responder', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };

/** viewer < responder < admin: `hasRole('admin', 'responder')` is true, `hasRole('viewer', 'responder')` false. */
export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}
