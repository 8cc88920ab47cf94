/**
 * Who takes over after the person on call at `at`: the first final shift, starting at or after `at`, of
 * someone else (the same person's back-to-back shifts, from two layers or an override, are one cover).
 * With nobody on call at `at`, the first person to come on. Pure.
 *
 *   nextOnCall([ann 08:00–12:00, ann 12:00–20:00, bob 20:00–08:00], 09:00) → bob 20:00–08:00
 */

type FinalShift = { userId: string; name: string | null; start: string; end: string };

export function nextOnCall<S extends FinalShift>(final: readonly S[], at: Date): S | null {
  const atMs = at.getTime();
  const current = final.find((s) => Date.parse(s.start) <= atMs && atMs < Date.parse(s.end));
  return final.find((s) => Date.parse(s.start) > atMs && (!current || s.userId !== current.userId)) ?? null;
}
