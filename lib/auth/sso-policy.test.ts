import { describe, expect, it } from 'vitest';
import {
  decideExternalSignIn,
  type ExistingUser,
  type ExternalIdentity,
  type GitHubAnswers,
  githubNeedsTeams,
  identityFromGitHub,
  identityFromOidcClaims,
  type SsoPolicy,
} from './sso-policy';

const open: SsoPolicy = {
  allowedDomains: [],
  defaultRole: 'viewer',
  github: { allowedGroups: [], groupRoles: [] },
  oidc: { allowedGroups: [], groupRoles: [], groupsClaim: 'groups', assumeEmailVerified: false },
};

const policy = (partial: Partial<SsoPolicy> = {}): SsoPolicy => ({ ...open, ...partial });

const oidc = (partial: Partial<ExternalIdentity> = {}): ExternalIdentity => ({
  provider: 'oidc',
  email: 'ana@example.com',
  emailVerified: true,
  name: 'Ana',
  groups: [],
  ...partial,
});

const admin: ExistingUser = { id: 'u-admin', role: 'admin', disabled: false };

describe('decideExternalSignIn', () => {
  it('creates a verified newcomer with the default role', () => {
    expect(decideExternalSignIn(oidc(), null, policy({ defaultRole: 'responder' }))).toEqual({
      admit: true,
      email: 'ana@example.com',
      name: 'Ana',
      userId: null,
      role: 'responder',
    });
  });

  it('links a verified e-mail to the existing user and keeps their role when nothing is mapped', () => {
    expect(decideExternalSignIn(oidc(), admin, open)).toMatchObject({
      admit: true,
      userId: 'u-admin',
      role: null,
    });
  });

  it('normalises the e-mail it admits', () => {
    expect(decideExternalSignIn(oidc({ email: '  Ana@Example.COM ' }), null, open)).toMatchObject({
      email: 'ana@example.com',
    });
  });

  it('refuses an unverified e-mail, above all one that belongs to an existing admin', () => {
    const unverified = oidc({ emailVerified: false });
    expect(decideExternalSignIn(unverified, admin, open)).toEqual({
      admit: false,
      reason: 'sso-email-unverified',
    });
    // Creating the user would let a stranger claim the address before its owner signs in.
    expect(decideExternalSignIn(unverified, null, open)).toEqual({
      admit: false,
      reason: 'sso-email-unverified',
    });
  });

  it.each([null, '', '   ', 'not-an-address'])('refuses an identity without an e-mail (%o)', (email) => {
    expect(decideExternalSignIn(oidc({ email }), null, open)).toEqual({
      admit: false,
      reason: 'sso-no-email',
    });
  });

  describe('e-mail domains', () => {
    const domains = policy({ allowedDomains: ['example.com', 'ops.example.org'] });

    it.each(['ana@example.com', 'Ana@EXAMPLE.com', 'bo@ops.example.org'])('admits %s', (email) => {
      expect(decideExternalSignIn(oidc({ email }), null, domains).admit).toBe(true);
    });

    it.each([
      'ana@evil.com',
      'ana@sub.example.com', // no subdomains
      'ana@example.com.evil.com',
      'ana@evil.com@example.org', // the domain is after the last "@"
      'ana@example.org',
    ])('refuses %s', (email) => {
      expect(decideExternalSignIn(oidc({ email }), null, domains)).toEqual({
        admit: false,
        reason: 'sso-domain-not-allowed',
      });
    });

    it('checks the domain before linking, so an outside address cannot reach an existing user', () => {
      expect(decideExternalSignIn(oidc({ email: 'ana@evil.com' }), admin, domains).admit).toBe(false);
    });
  });

  describe('groups and organisations', () => {
    const groups = policy({ oidc: { ...open.oidc, allowedGroups: ['oncall', 'sre'] } });

    it('admits a member of an allowed group', () => {
      expect(decideExternalSignIn(oidc({ groups: ['staff', 'sre'] }), null, groups).admit).toBe(true);
    });

    it('refuses someone in no allowed group, or in none at all', () => {
      for (const g of [['staff'], [], ['SRE']])
        expect(decideExternalSignIn(oidc({ groups: g }), null, groups)).toEqual({
          admit: false,
          reason: 'sso-group-not-allowed',
        });
    });

    it("applies each provider's own list: the OIDC list does not gate GitHub, and back", () => {
      const github = oidc({ provider: 'github', groups: ['acme'] });
      expect(decideExternalSignIn(github, null, groups).admit).toBe(true);
      const orgs = policy({ github: { allowedGroups: ['acme'], groupRoles: [] } });
      expect(decideExternalSignIn(oidc({ groups: [] }), null, orgs).admit).toBe(true);
      expect(decideExternalSignIn(oidc({ provider: 'github', groups: ['other'] }), null, orgs).admit).toBe(
        false,
      );
    });

    it('needs both the domain and the group when both are listed', () => {
      const both = policy({ allowedDomains: ['example.com'], oidc: groups.oidc });
      expect(decideExternalSignIn(oidc({ groups: ['sre'], email: 'a@evil.com' }), null, both).admit).toBe(
        false,
      );
      expect(decideExternalSignIn(oidc({ groups: [] }), null, both).admit).toBe(false);
      expect(decideExternalSignIn(oidc({ groups: ['sre'] }), null, both).admit).toBe(true);
    });
  });

  it('refuses a disabled user, after the allow-lists', () => {
    expect(decideExternalSignIn(oidc(), { ...admin, disabled: true }, open)).toEqual({
      admit: false,
      reason: 'sso-account-disabled',
    });
  });

  describe('group → role mapping', () => {
    const mapped = policy({
      oidc: {
        ...open.oidc,
        groupRoles: [
          { group: 'oncall', role: 'responder' },
          { group: 'sre-admins', role: 'admin' },
          { group: 'everyone', role: 'viewer' },
        ],
      },
    });

    it.each([
      [['everyone'], 'viewer'],
      [['oncall'], 'responder'],
      [['oncall', 'sre-admins'], 'admin'],
      [['sre-admins', 'oncall', 'everyone'], 'admin'],
      [['unmapped'], 'viewer'],
      [[], 'viewer'],
    ] as const)('%o → %s (the highest wins)', (groups, role) => {
      expect(decideExternalSignIn(oidc({ groups: [...groups] }), null, mapped)).toMatchObject({ role });
    });

    it('replaces the stored role at every sign-in, down as well as up', () => {
      expect(decideExternalSignIn(oidc({ groups: ['everyone'] }), admin, mapped)).toMatchObject({
        userId: 'u-admin',
        role: 'viewer',
      });
      const viewer: ExistingUser = { id: 'u-v', role: 'viewer', disabled: false };
      expect(decideExternalSignIn(oidc({ groups: ['sre-admins'] }), viewer, mapped)).toMatchObject({
        role: 'admin',
      });
    });

    it('never maps below the default role', () => {
      const floor = { ...mapped, defaultRole: 'responder' as const };
      expect(decideExternalSignIn(oidc({ groups: ['everyone'] }), null, floor)).toMatchObject({
        role: 'responder',
      });
      expect(decideExternalSignIn(oidc({ groups: ['sre-admins'] }), null, floor)).toMatchObject({
        role: 'admin',
      });
    });

    it("uses only the signing-in provider's mapping", () => {
      const github = oidc({ provider: 'github', groups: ['sre-admins'] });
      expect(decideExternalSignIn(github, admin, mapped)).toMatchObject({ role: null });
    });
  });
});

describe('identityFromOidcClaims', () => {
  const settings = { groupsClaim: 'groups', assumeEmailVerified: false };

  it('reads the e-mail, its verification, the name and the groups', () => {
    expect(
      identityFromOidcClaims(
        {
          sub: '1',
          email: 'ana@example.com',
          email_verified: true,
          name: 'Ana',
          groups: ['sre', 7, 'oncall'],
        },
        settings,
      ),
    ).toEqual({
      provider: 'oidc',
      email: 'ana@example.com',
      emailVerified: true,
      name: 'Ana',
      groups: ['sre', 'oncall'],
    });
  });

  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
    [1, false],
    [undefined, false],
  ])('email_verified %o → %s', (claim, verified) => {
    expect(identityFromOidcClaims({ email: 'a@x.io', email_verified: claim }, settings).emailVerified).toBe(
      verified,
    );
  });

  it('counts a missing email_verified as verified only when told to, and never an explicit false', () => {
    const trusting = { ...settings, assumeEmailVerified: true };
    expect(identityFromOidcClaims({ email: 'a@x.io' }, trusting).emailVerified).toBe(true);
    expect(identityFromOidcClaims({ email: 'a@x.io', email_verified: false }, trusting).emailVerified).toBe(
      false,
    );
  });

  it('reads a configured claim, by exact name first, then as a dotted path', () => {
    const claims = {
      'https://vigil.example.com/groups': ['namespaced'],
      realm_access: { roles: ['nested'] },
      roles: 'single',
    };
    const groupsOf = (groupsClaim: string) =>
      identityFromOidcClaims(claims, { ...settings, groupsClaim }).groups;
    expect(groupsOf('https://vigil.example.com/groups')).toEqual(['namespaced']);
    expect(groupsOf('realm_access.roles')).toEqual(['nested']);
    expect(groupsOf('roles')).toEqual(['single']);
    expect(groupsOf('groups')).toEqual([]);
    expect(groupsOf('realm_access.roles.more')).toEqual([]);
  });

  it('falls back to preferred_username for the name, and to null for a blank e-mail', () => {
    expect(identityFromOidcClaims({ email: ' ', preferred_username: 'ana' }, settings)).toMatchObject({
      email: null,
      name: 'ana',
    });
  });
});

describe('identityFromGitHub', () => {
  const answers = (partial: Partial<GitHubAnswers> = {}): GitHubAnswers => ({
    profile: { login: 'ana-gh', name: 'Ana' },
    emails: [
      { email: 'ana@personal.example', primary: false, verified: true },
      { email: 'ana@example.com', primary: true, verified: true },
    ],
    orgs: [{ login: 'Acme' }],
    teams: [{ slug: 'sre', organization: { login: 'Acme' } }],
    ...partial,
  });

  it('takes the primary e-mail and lower-case organisations and org/team slugs', () => {
    expect(identityFromGitHub(answers())).toEqual({
      provider: 'github',
      email: 'ana@example.com',
      emailVerified: true,
      name: 'Ana',
      groups: ['acme', 'acme/sre'],
    });
  });

  it('reports an unverified primary as unverified, even beside a verified secondary address', () => {
    const identity = identityFromGitHub(
      answers({
        emails: [
          { email: 'admin@example.com', primary: true, verified: false },
          { email: 'ana@personal.example', primary: false, verified: true },
        ],
      }),
    );
    expect(identity).toMatchObject({ email: 'admin@example.com', emailVerified: false });
  });

  it('has no e-mail without a primary one, and the login as the name without a name', () => {
    expect(
      identityFromGitHub(answers({ emails: [], profile: { login: 'ana-gh', name: null } })),
    ).toMatchObject({
      email: null,
      emailVerified: false,
      name: 'ana-gh',
    });
  });
});

describe('githubNeedsTeams', () => {
  it('is true only when an allow-list or mapping names an org/team', () => {
    expect(
      githubNeedsTeams({ allowedGroups: ['acme'], groupRoles: [{ group: 'acme', role: 'admin' }] }),
    ).toBe(false);
    expect(githubNeedsTeams({ allowedGroups: ['acme/sre'], groupRoles: [] })).toBe(true);
    expect(githubNeedsTeams({ allowedGroups: [], groupRoles: [{ group: 'acme/sre', role: 'admin' }] })).toBe(
      true,
    );
  });
});
