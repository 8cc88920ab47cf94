import { hasRole, type Role } from './roles';

/**
 * Who may come in through GitHub or OIDC sign-in, and with which role. Pure: the provider's answer (an
 * ExternalIdentity), the Vigil user with that e-mail (if any) and the policy go in, a verdict comes out.
 * lib/auth/external-sign-in.ts gathers the inputs and applies the verdict.
 *
 * Vigil knows people only by e-mail address, so an address the provider has not verified proves nothing:
 * linking it would hand a password user's account (even an admin's) to whoever typed that address at
 * the provider, and creating a user for it would let a stranger claim the address before its owner.
 * Such sign-ins are refused outright.
 */

/** A role granted to the members of one group (OIDC) or one GitHub organisation (`acme`) or team (`acme/sre`). */
type GroupRole = { group: string; role: Role };

export type ProviderRules = {
  /** Members of at least one of these may sign in; empty lets anyone the other rules admit in. */
  allowedGroups: string[];
  /**
   * When not empty, the provider decides roles: at every sign-in the user gets the highest role among
   * their groups' roles and the default role, replacing what an admin set in Vigil.
   */
  groupRoles: GroupRole[];
};

export type SsoPolicy = {
  /** Lower-case e-mail domains allowed to sign in (exact, no subdomains); empty allows any. */
  allowedDomains: string[];
  /** The role of a user created by a first sign-in, and the floor of a mapped role. */
  defaultRole: Role;
  github: ProviderRules;
  oidc: ProviderRules & {
    /** The claim listing the user's groups (`groups`; a dotted path such as `realm_access.roles` also works). */
    groupsClaim: string;
    /** Counts a missing `email_verified` as verified (for providers that only issue their own addresses). */
    assumeEmailVerified: boolean;
  };
};

export type SsoProvider = 'github' | 'oidc';

/** What the provider says about the person signing in, in the same shape for every provider. */
export type ExternalIdentity = {
  provider: SsoProvider;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  /** OIDC: the groups claim's values. GitHub: organisation logins and `org/team` slugs, lower case. */
  groups: string[];
};

export type ExistingUser = { id: string; role: Role; disabled: boolean };

/** Why a sign-in was refused; carried to the sign-in page as `/signin?error=<reason>`. */
export type SsoRefusal =
  | 'sso-no-email'
  | 'sso-email-unverified'
  | 'sso-domain-not-allowed'
  | 'sso-group-not-allowed'
  | 'sso-account-disabled'
  | 'sso-provider-unavailable';

export type SsoDecision =
  | {
      admit: true;
      email: string;
      name: string | null;
      /** The Vigil user to sign in as; null creates one. */
      userId: string | null;
      /** The role to store; null keeps the existing user's role. */
      role: Role | null;
    }
  | { admit: false; reason: SsoRefusal };

/** The part of an address after its last "@", lower case: `Ana@Ops.Example.com` → `ops.example.com`. */
function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The highest role any of `groups` maps to, never below `floor`; null when nothing is mapped.
 *
 *   mappedRole(['oncall', 'sre'], [{group:'sre',role:'admin'},{group:'oncall',role:'responder'}], 'viewer') → 'admin'
 */
function mappedRole(groups: string[], mapping: GroupRole[], floor: Role): Role | null {
  if (mapping.length === 0) return null;
  const member = new Set(groups);
  let best = floor;
  for (const { group, role } of mapping) if (member.has(group) && !hasRole(best, role)) best = role;
  return best;
}

/**
 * The verdict on one GitHub/OIDC sign-in.
 *
 *   unverified e-mail                          → refuse 'sso-email-unverified' (whether or not a user has it)
 *   domain or groups outside the allow-lists   → refuse
 *   a disabled Vigil user                      → refuse 'sso-account-disabled'
 *   otherwise                                  → admit as the existing user (userId) or a new one (null),
 *                                                with the mapped role, the default role for a new user
 *                                                when nothing is mapped, or the stored role (null)
 */
export function decideExternalSignIn(
  identity: ExternalIdentity,
  existing: ExistingUser | null,
  policy: SsoPolicy,
): SsoDecision {
  const email = identity.email?.trim().toLowerCase();
  if (!email?.includes('@')) return { admit: false, reason: 'sso-no-email' };
  if (!identity.emailVerified) return { admit: false, reason: 'sso-email-unverified' };
  if (policy.allowedDomains.length > 0 && !policy.allowedDomains.includes(domainOf(email)))
    return { admit: false, reason: 'sso-domain-not-allowed' };
  const rules = policy[identity.provider];
  if (rules.allowedGroups.length > 0 && !rules.allowedGroups.some((g) => identity.groups.includes(g)))
    return { admit: false, reason: 'sso-group-not-allowed' };
  if (existing?.disabled) return { admit: false, reason: 'sso-account-disabled' };
  const role = mappedRole(identity.groups, rules.groupRoles, policy.defaultRole);
  return {
    admit: true,
    email,
    name: identity.name,
    userId: existing?.id ?? null,
    role: role ?? (existing ? null : policy.defaultRole),
  };
}

/** A claim by its exact name, else by a dotted path (`realm_access.roles`); undefined when absent. */
function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * An OIDC provider's id-token claims as an identity. `email_verified` counts only when it is `true`
 * (some providers send the string "true"); a groups claim may be a list or a single string.
 *
 *   { email: 'a@x.io', email_verified: true, groups: ['sre'] } → { email: 'a@x.io', emailVerified: true, groups: ['sre'] }
 */
export function identityFromOidcClaims(
  claims: Record<string, unknown>,
  oidc: Pick<SsoPolicy['oidc'], 'groupsClaim' | 'assumeEmailVerified'>,
): ExternalIdentity {
  const verified = claims.email_verified;
  const raw = claimAt(claims, oidc.groupsClaim);
  const groups = (Array.isArray(raw) ? raw : [raw]).filter((g): g is string => typeof g === 'string');
  return {
    provider: 'oidc',
    email: text(claims.email),
    emailVerified:
      verified === true || verified === 'true' || (verified === undefined && oidc.assumeEmailVerified),
    name: text(claims.name) ?? text(claims.preferred_username),
    groups,
  };
}

/** The answers of GitHub's `/user`, `/user/emails`, `/user/orgs` and `/user/teams` that matter here. */
export type GitHubAnswers = {
  profile: { login: string; name?: string | null };
  emails: { email: string; primary: boolean; verified: boolean }[];
  orgs: { login: string }[];
  teams: { slug: string; organization: { login: string } }[];
};

/**
 * A GitHub account as an identity: its primary e-mail (verified only if GitHub says so; a secondary
 * address is never used, whatever the profile shows), its organisations and `org/team` slugs in lower
 * case, as GitHub logins are case-insensitive.
 */
export function identityFromGitHub(answers: GitHubAnswers): ExternalIdentity {
  const primary = answers.emails.find((e) => e.primary);
  return {
    provider: 'github',
    email: primary?.email ?? null,
    emailVerified: primary?.verified === true,
    name: text(answers.profile.name) ?? answers.profile.login,
    groups: [
      ...answers.orgs.map((o) => o.login.toLowerCase()),
      ...answers.teams.map((t) => `${t.organization.login}/${t.slug}`.toLowerCase()),
    ],
  };
}

/** Whether GitHub teams must be fetched: only when an allow-list or mapping names an `org/team`. */
export function githubNeedsTeams(github: ProviderRules): boolean {
  return [...github.allowedGroups, ...github.groupRoles.map((m) => m.group)].some((g) => g.includes('/'));
}
