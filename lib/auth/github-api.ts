import 'server-only';
import { z } from 'zod';
import type { GitHubAnswers } from './sso-policy';

/**
 * What a GitHub sign-in needs from GitHub's REST API, read with the user's OAuth token: the e-mail
 * addresses with their `verified` flags (scope `user:email`), and the organisations and teams (scope
 * `read:org`; without it GitHub lists only public memberships). An organisation that restricts OAuth
 * app access lists only once it has approved Vigil's app.
 */

const GITHUB_API = 'https://api.github.com';
const PAGE_SIZE = 100;
// Ten pages of 100: more organisations or teams than that is not a person signing in.
const MAX_PAGES = 10;

const profileSchema = z.object({ login: z.string(), name: z.string().nullish() });
const emailsSchema = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));
const orgsSchema = z.array(z.object({ login: z.string() }));
const teamsSchema = z.array(z.object({ slug: z.string(), organization: z.object({ login: z.string() }) }));

async function getPage<T>(token: string, url: string, schema: z.ZodType<T[]>): Promise<T[]> {
  const response = await fetch(url, {
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${token}`,
      'User-Agent': 'vigil',
      'X-GitHub-Api-Version': '2022-11-28',
    },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`GitHub answered ${response.status} for ${new URL(url).pathname}`);
  return schema.parse(await response.json());
}

async function allPages<T>(token: string, url: string, schema: z.ZodType<T[]>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const batch = await getPage(token, `${url}?per_page=${PAGE_SIZE}&page=${page}`, schema);
    items.push(...batch);
    if (batch.length < PAGE_SIZE) break;
  }
  return items;
}

/**
 * Reads the answers beside the `/user` profile Auth.js already fetched: organisations only when `orgs`
 * (an allow-list or mapping uses them), teams only when `teams`. Throws when GitHub refuses or answers
 * something unexpected: the caller then refuses the sign-in rather than admitting someone whose
 * memberships it could not check.
 */
export async function readGitHubAnswers(
  token: string,
  profile: unknown,
  needs: { orgs: boolean; teams: boolean },
  apiUrl = GITHUB_API,
): Promise<GitHubAnswers> {
  const [emails, orgs, teams] = await Promise.all([
    allPages(token, `${apiUrl}/user/emails`, emailsSchema),
    needs.orgs ? allPages(token, `${apiUrl}/user/orgs`, orgsSchema) : [],
    needs.teams ? allPages(token, `${apiUrl}/user/teams`, teamsSchema) : [],
  ]);
  return { profile: profileSchema.parse(profile), emails, orgs, teams };
}
