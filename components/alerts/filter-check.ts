import { parseFilterSyntax } from '@/lib/alertmanager/filter-syntax';

/**
 * Whether the filter bar may apply `text` by itself after a typing pause: it parses and every regex
 * compiles under RE2. A half-typed matcher (`alertname="Watch`) or a regex RE2 refuses waits for Enter,
 * which applies it anyway and shows the server's reason. RE2 (re2js, ~58 KB compressed) is loaded only
 * when the filter holds a regex matcher, so the alerts page does not ship it.
 *
 *   await filterApplies('severity="critical" disk') → true (RE2 not loaded)
 *   await filterApplies('alertname="Watch') → false
 *   await filterApplies('instance=~"db["') → false
 */
export async function filterApplies(text: string): Promise<boolean> {
  let regexes: string[];
  try {
    regexes = parseFilterSyntax(text)
      .matchers.filter((m) => m.op === '=~' || m.op === '!~')
      .map((m) => m.value);
  } catch {
    return false;
  }
  if (regexes.length === 0) return true;
  const { regexProblem } = await import('@/lib/alertmanager/matchers');
  return regexes.every((source) => regexProblem(source) === undefined);
}
