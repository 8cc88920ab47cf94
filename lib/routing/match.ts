import {
  formatMatcher,
  type Matcher,
  MatcherSyntaxError,
  matchesLabels,
  parseFilter,
} from '@/lib/alertmanager/matchers';

/**
 * Routes, pure: which route takes an alert, by Prometheus matchers on its labels. Routes are tried in
 * `position` order and the first whose matchers all match wins; the default route (no matchers) is
 * tried last, whatever its position, so it takes what no other route took. Matchers are Alertmanager's
 * (`=`, `!=`, `=~`, `!~`, RE2 regexes anchored as Alertmanager anchors them, a missing label read as
 * ""), parsed and matched by lib/alertmanager/matchers.ts, so a route reads like a silence.
 *
 *   routes: 1 db `team="db"`, 2 crit `severity=~"critical|page"`, default
 *   matchRoute(router, {team: 'db', severity: 'critical'}) → {route: db, matched: ['team="db"']}
 *   matchRoute(router, {severity: 'page'})                 → {route: crit, matched: ['severity=~"critical|page"']}
 *   matchRoute(router, {severity: 'info'})                 → {route: default, matched: []}
 */

export type RouteRule = {
  id: string;
  name: string;
  position: number;
  /** One matcher per entry, as written: `team="db"`. */
  matchers: readonly string[];
  isDefault: boolean;
  teamId: string | null;
  policyId: string;
  autoOpen: boolean;
  urgency: string;
};

export type RouteMatch<R extends RouteRule> = { route: R; matched: string[] };

/** Routes ready to match: each one's matchers parsed once, in the order they are tried. */
export type Router<R extends RouteRule> = { readonly entries: readonly { route: R; matchers: Matcher[] }[] };

/**
 * One route matcher: exactly one `name op value`, its regex checked by RE2. Throws MatcherSyntaxError.
 *
 *   parseRouteMatcher('team="db"') → {name: 'team', op: '=', value: 'db'}
 *   parseRouteMatcher('team="db" disk') → throws (free text is not a matcher)
 */
export function parseRouteMatcher(text: string): Matcher {
  const { matchers, text: words } = parseFilter(text);
  const [matcher] = matchers;
  if (!matcher || matchers.length > 1 || words.length > 0)
    throw new MatcherSyntaxError(`"${text}" must be exactly one matcher, such as team="db"`, 0);
  return matcher;
}

/**
 * Sorts and parses the routes. A stored matcher that no longer parses (the API refuses them, so only a
 * hand-edited row) makes its route match nothing rather than everything.
 */
export function compileRoutes<R extends RouteRule>(routes: readonly R[]): Router<R> {
  const ordered = [...routes].sort(
    (a, b) => Number(a.isDefault) - Number(b.isDefault) || a.position - b.position,
  );
  const entries: { route: R; matchers: Matcher[] }[] = [];
  for (const route of ordered) {
    try {
      entries.push({ route, matchers: route.matchers.map(parseRouteMatcher) });
    } catch (error) {
      if (!(error instanceof MatcherSyntaxError)) throw error;
    }
  }
  return { entries };
}

/** The first route whose matchers all match the labels, or null when none does (no default route). */
export function matchRoute<R extends RouteRule>(
  router: Router<R>,
  labels: Readonly<Record<string, string>>,
): RouteMatch<R> | null {
  for (const { route, matchers } of router.entries)
    if (matchesLabels(matchers, labels)) return { route, matched: matchers.map(formatMatcher) };
  return null;
}

/**
 * The matchers of the seeded "auto-incident" route, from VIGIL_CONFIG's
 * `escalation.autoIncident.matchLabels` (every label equal), sorted by name.
 *
 *   matchersFromLabels({severity: 'critical'}) → ['severity="critical"']
 */
export function matchersFromLabels(labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => formatMatcher({ name, op: '=', value }));
}
