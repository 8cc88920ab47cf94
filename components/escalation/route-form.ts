import type { CreateRouteInput, RouteView } from '@/lib/routing/route-schemas';

/**
 * The route editor's state and its conversion, pure. Matchers are typed one per line (or separated by
 * commas outside quotes, as Alertmanager writes `{team="db", severity="critical"}`); the server checks
 * their syntax and RE2 regexes and answers 422 with the matcher at fault.
 *
 *   splitMatchers('team="db", severity=~"critical|page"') → ['team="db"', 'severity=~"critical|page"']
 */

export type RouteForm = {
  name: string;
  matchers: string;
  teamId: string;
  policyId: string;
  autoOpen: boolean;
  urgency: 'high' | 'low';
};

export function blankRouteForm(policyId: string): RouteForm {
  return { name: '', matchers: '', teamId: '', policyId, autoOpen: true, urgency: 'high' };
}

export function formOfRoute(r: RouteView): RouteForm {
  return {
    name: r.name,
    matchers: r.matchers.join('\n'),
    teamId: r.teamId ?? '',
    policyId: r.policyId,
    autoOpen: r.autoOpen,
    urgency: r.urgency === 'low' ? 'low' : 'high',
  };
}

export function splitMatchers(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let inQuotes = false;
  const body = text.trim().replace(/^\{([\s\S]*)\}$/, '$1');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inQuotes && c === '\\') {
      current += c + (body[++i] ?? '');
      continue;
    }
    if (c === '"') inQuotes = !inQuotes;
    if (!inQuotes && (c === ',' || c === '\n')) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((m) => m.trim()).filter(Boolean);
}

export type RouteProblems = Partial<Record<'name' | 'matchers' | 'policyId', string>>;

/** The API body, or what to fix. The default route keeps no matchers: `isDefault` leaves them out. */
export function inputOfRouteForm(
  form: RouteForm,
  isDefault: boolean,
): { input: CreateRouteInput } | { problems: RouteProblems } {
  const problems: RouteProblems = {};
  const matchers = splitMatchers(form.matchers);
  if (!form.name.trim()) problems.name = 'Give the route a name';
  if (!isDefault && matchers.length === 0)
    problems.matchers = 'Add a matcher such as team="db" (the default route takes the rest)';
  if (!form.policyId) problems.policyId = 'Pick the escalation policy';
  if (Object.keys(problems).length) return { problems };
  return {
    input: {
      name: form.name.trim(),
      matchers: isDefault ? [] : matchers,
      teamId: form.teamId || null,
      policyId: form.policyId,
      autoOpen: form.autoOpen,
      urgency: form.urgency,
    },
  };
}
