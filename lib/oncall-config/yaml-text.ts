import { parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import { type OncallDocument, oncallDocumentSchema } from './document';

/**
 * The document as YAML text and back, pure. Keys come out in one fixed order (the order `ordered`
 * builds them in), defaults that say nothing are left out (`default: false`, empty lists, empty
 * descriptions), so a file kept in git changes only where the configuration did.
 *
 *   renderDocument({version: 1, teams: [], …, routes: [{name: 'db', default: false, …}]})
 *   → "version: 1\nroutes:\n  - name: db\n    matchers:\n      - team=\"db\"\n …"
 *
 * Times, dates and instants come out quoted (`handoffTime: "09:00"`), see STRINGIFY.
 */

const HEADER =
  '# Vigil on-call configuration: import with POST /api/v1/oncall-config or on the Admin page.\n';

/**
 * `compat: 'yaml-1.1'` quotes every string a YAML 1.1 reader (PyYAML, Ruby's Psych, older yq) would
 * retype when read plain: `17:00` is the sexagesimal integer 1020 there, `2030-01-01T08:00:00.000Z` a
 * datetime, `no` a boolean, `0755` an octal. Our own 1.2 reader is unaffected: a quoted string is a
 * string in both versions, so the export round-trips through those tools and back into the import.
 */
const STRINGIFY = { lineWidth: 0, sortMapEntries: false, compat: 'yaml-1.1' } as const;

export function renderDocument(doc: OncallDocument): string {
  return HEADER + stringify(ordered(doc), STRINGIFY);
}

/** Drops what equals its default, keeping key order as written here. */
function ordered(doc: OncallDocument) {
  const some = <T>(list: readonly T[]) => (list.length > 0 ? list : undefined);
  const text = (s: string) => (s === '' ? undefined : s);
  // The yaml package leaves out keys whose value is undefined.
  return {
    version: doc.version,
    teams: doc.teams.map((t) => ({
      slug: t.slug,
      name: t.name,
      description: text(t.description),
      channels: some(t.channels),
      members: some(t.members.map((m) => ({ email: m.email, admin: m.admin || undefined }))),
    })),
    schedules: doc.schedules.map((s) => ({
      slug: s.slug,
      name: s.name,
      description: text(s.description),
      team: s.team ?? undefined,
      timeZone: s.timeZone,
      layers: some(
        s.layers.map((l) => ({
          name: l.name,
          rotation: l.rotation,
          rotationLength: l.rotationLength === 1 ? undefined : l.rotationLength,
          handoffTime: l.handoffTime,
          timeZone: l.timeZone,
          startDate: l.startDate,
          endsAt: l.endsAt ?? undefined,
          restrictions: some(l.restrictions.map((r) => ({ days: r.days, from: r.from, to: r.to }))),
          participants: l.participants,
        })),
      ),
      overrides: some(
        s.overrides.map((o) => ({
          user: o.user,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          reason: text(o.reason),
        })),
      ),
    })),
    policies: doc.policies.map((p) => ({
      name: p.name,
      description: text(p.description),
      team: p.team ?? undefined,
      repeat: p.repeat,
      repeatAfterSeconds: p.repeatAfterSeconds,
      levels: p.levels.map((l) => ({
        name: l.name,
        delaySeconds: l.delaySeconds,
        channels: some(l.channels),
        schedules: some(l.schedules),
        users: some(l.users),
      })),
    })),
    routes: doc.routes.map((r) => ({
      name: r.name,
      default: r.default || undefined,
      matchers: some(r.matchers),
      team: r.team ?? undefined,
      policy: r.policy,
      autoOpen: r.autoOpen,
      urgency: r.urgency,
    })),
  };
}

/**
 * YAML text → the checked document. A YAML syntax error, or a field the schema refuses, is a 422 whose
 * fields name the place: `yaml` with the line, or `schedules[1].layers[0].handoffTime`.
 */
export function parseDocumentText(text: string): OncallDocument {
  const parsed = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length > 0) {
    const [first] = parsed.errors;
    throw new ValidationError(`The YAML does not parse: ${first?.message ?? 'unknown error'}`, {
      yaml: first?.message ?? 'does not parse',
    });
  }
  const result = oncallDocumentSchema.safeParse(parsed.toJS() ?? {});
  if (result.success) return result.data;
  const fields = issueFields(result.error.issues);
  const list = Object.entries(fields)
    .slice(0, 5)
    .map(([f, m]) => `${f}: ${m}`);
  throw new ValidationError(`The on-call configuration is invalid — ${list.join('; ')}.`, fields);
}

/** `['schedules', 1, 'layers', 0]` → `schedules[1].layers[0]`. */
function pathName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'document';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function issueFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[pathName(issue.path)] ??= issue.message;
  return fields;
}
