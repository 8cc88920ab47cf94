import 'server-only';
import type { Account, Profile, User } from 'next-auth';
import { auditSystem } from '@/lib/audit';
import { db } from '@/lib/db';
import type { Env } from '@/lib/env';
import { log } from '@/lib/log';
import { readGitHubAnswers } from './github-api';
import {
  decideExternalSignIn,
  type ExternalIdentity,
  githubNeedsTeams,
  identityFromGitHub,
  identityFromOidcClaims,
  type SsoDecision,
  type SsoPolicy,
  type SsoProvider,
  type SsoRefusal,
} from './sso-policy';

/** The sign-in policy the environment declares (README "Single sign-on"). */
export function ssoPolicy(e: Env): SsoPolicy {
  return {
    allowedDomains: e.VIGIL_SSO_ALLOWED_DOMAINS,
    defaultRole: e.VIGIL_OIDC_DEFAULT_ROLE,
    github: { allowedGroups: e.VIGIL_GITHUB_ALLOWED_ORGS, groupRoles: e.VIGIL_GITHUB_ROLES },
    oidc: {
      allowedGroups: e.VIGIL_OIDC_ALLOWED_GROUPS,
      groupRoles: e.VIGIL_OIDC_ROLES,
      groupsClaim: e.VIGIL_OIDC_GROUPS_CLAIM,
      assumeEmailVerified: e.VIGIL_OIDC_ASSUME_EMAIL_VERIFIED,
    },
  };
}

type SignInParams = { user: User; account?: Account | null; profile?: Profile };

/**
 * Logs the refusal (one JSON line, as for a failed password) and answers the sign-in page showing it,
 * where Auth.js sends the browser when the callback returns a URL.
 */
function refusal(provider: string, email: string | null, reason: SsoRefusal, cause?: string): string {
  log.warn({ event: 'sign_in_refused', provider, email, reason, cause }, 'single sign-on refused');
  return `/signin?error=${reason}`;
}

async function identityOf(
  provider: SsoProvider,
  account: Account,
  profile: Profile | undefined,
  policy: SsoPolicy,
  githubApiUrl: string | undefined,
): Promise<ExternalIdentity | string> {
  if (provider === 'oidc') return identityFromOidcClaims(profile ?? {}, policy.oidc);
  const { github } = policy;
  if (!account.access_token) return 'GitHub issued no access token';
  const needs = {
    orgs: github.allowedGroups.length > 0 || github.groupRoles.length > 0,
    teams: githubNeedsTeams(github),
  };
  try {
    return identityFromGitHub(await readGitHubAnswers(account.access_token, profile, needs, githubApiUrl));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Creates or updates the admitted user; a role the provider's mapping changed is audited. */
async function admit(
  decision: Extract<SsoDecision, { admit: true }>,
  provider: SsoProvider,
): Promise<string> {
  const { email, name, userId, role } = decision;
  return db().$transaction(async (tx) => {
    const now = new Date();
    if (!userId) {
      const created = await tx.user.create({
        data: { email, name, role: role ?? 'viewer', lastLoginAt: now },
      });
      await auditSystem(tx, 'user.created', email, { by: provider, role: created.role });
      return created.id;
    }
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    await tx.user.update({ where: { id: userId }, data: { lastLoginAt: now, ...(role ? { role } : {}) } });
    if (role && role !== before.role)
      await auditSystem(tx, 'user.role_changed', email, { from: before.role, to: role, by: provider });
    return userId;
  });
}

/**
 * Auth.js's `signIn` callback for GitHub and OIDC (credentials pass straight through: their checks
 * ran in `authorize`). It admits only whom the policy admits, points Auth.js at the Vigil user
 * (`user.id`, which the `jwt` callback stores), and sends a refused sign-in to the sign-in page with
 * its reason. `githubApiUrl` is for tests and GitHub Enterprise.
 */
export function externalSignIn(policy: SsoPolicy, githubApiUrl?: string) {
  return async ({ user, account, profile }: SignInParams): Promise<true | string> => {
    if (!account || account.provider === 'credentials') return true;
    const provider = account.provider;
    if (provider !== 'github' && provider !== 'oidc')
      return refusal(provider, null, 'sso-provider-unavailable', 'unknown provider');
    const identity = await identityOf(provider, account, profile, policy, githubApiUrl);
    if (typeof identity === 'string') return refusal(provider, null, 'sso-provider-unavailable', identity);
    const email = identity.email?.trim().toLowerCase();
    const existing = email ? await db().user.findUnique({ where: { email } }) : null;
    const decision = decideExternalSignIn(
      identity,
      existing && { id: existing.id, role: existing.role, disabled: Boolean(existing.disabledAt) },
      policy,
    );
    if (!decision.admit) return refusal(provider, email ?? null, decision.reason);
    user.id = await admit(decision, provider);
    return true;
  };
}
