import type { OncallDocument } from './document';

/**
 * Every reference of a document checked against what exists, pure: the database's names plus the
 * file's own (a policy may page a schedule the same file creates). People must be active users, found
 * by e-mail in any case, and those put on call or named by a level must be pageable (not viewers, as
 * the schedules and policies APIs require, lib/auth/pageable.ts); channels must be declared in VIGIL_CONFIG; a route matcher must parse (the
 * caller passes the check, the one the routes API uses). Answers each problem by its path.
 *
 *   schedules[1].layers[0].participants[2] = "nobody@example.com" (no such user)
 *   → {'schedules[1].layers[0].participants[2]': 'no active user "nobody@example.com"'}
 */

export type Known = {
  /** Lower-case e-mails of active users. */
  emails: ReadonlySet<string>;
  /** Those of them who may be paged: responders and admins. */
  pageable: ReadonlySet<string>;
  teams: ReadonlySet<string>;
  schedules: ReadonlySet<string>;
  policies: ReadonlySet<string>;
  channels: ReadonlySet<string>;
};

export function checkReferences(
  doc: OncallDocument,
  known: Known,
  matcherProblem: (text: string) => string | null,
): Record<string, string> {
  const fields: Record<string, string> = {};
  const teams = new Set([...known.teams, ...doc.teams.map((t) => t.slug)]);
  const schedules = new Set([...known.schedules, ...doc.schedules.map((s) => s.slug)]);
  const policies = new Set([...known.policies, ...doc.policies.map((p) => p.name)]);
  const person = (path: string, email: string): void => {
    if (!known.emails.has(email.toLowerCase())) fields[path] = `no active user "${email}"`;
  };
  const pageable = (path: string, email: string): void => {
    person(path, email);
    if (!fields[path] && !known.pageable.has(email.toLowerCase()))
      fields[path] = `"${email}" is a viewer, who cannot acknowledge a page: choose a responder or an admin`;
  };
  const team = (path: string, slug: string | null): void => {
    if (slug !== null && !teams.has(slug)) fields[path] = `no team "${slug}" here or in the database`;
  };
  const channel = (path: string, name: string): void => {
    if (!known.channels.has(name)) fields[path] = `no channel "${name}" in VIGIL_CONFIG's channels`;
  };

  doc.teams.forEach((t, i) => {
    t.channels.forEach((c, j) => {
      channel(`teams[${i}].channels[${j}]`, c);
    });
    t.members.forEach((m, j) => {
      person(`teams[${i}].members[${j}].email`, m.email);
    });
  });
  doc.schedules.forEach((s, i) => {
    team(`schedules[${i}].team`, s.team);
    s.layers.forEach((l, j) => {
      l.participants.forEach((p, k) => {
        pageable(`schedules[${i}].layers[${j}].participants[${k}]`, p);
      });
    });
    s.overrides.forEach((o, j) => {
      pageable(`schedules[${i}].overrides[${j}].user`, o.user);
    });
  });
  doc.policies.forEach((p, i) => {
    team(`policies[${i}].team`, p.team);
    p.levels.forEach((l, j) => {
      const at = `policies[${i}].levels[${j}]`;
      l.channels.forEach((c, k) => {
        channel(`${at}.channels[${k}]`, c);
      });
      l.users.forEach((u, k) => {
        pageable(`${at}.users[${k}]`, u);
      });
      l.schedules.forEach((s, k) => {
        if (!schedules.has(s)) fields[`${at}.schedules[${k}]`] = `no schedule "${s}" here or in the database`;
      });
    });
  });
  doc.routes.forEach((r, i) => {
    team(`routes[${i}].team`, r.team);
    if (!policies.has(r.policy))
      fields[`routes[${i}].policy`] = `no policy "${r.policy}" here or in the database`;
    r.matchers.forEach((m, j) => {
      const problem = matcherProblem(m);
      if (problem) fields[`routes[${i}].matchers[${j}]`] = problem;
    });
  });
  return fields;
}
