/**
 * For an object's refinement that reads what its fields parsed to (a Date's getTime, a number's sum):
 * zod 4 runs an object's refinements even after one of its fields failed, with that field's raw input,
 * so `{startsAt: "bad"}` reached `o.startsAt.getTime()` and answered 500 instead of the field's 422.
 * Spread into the refinement's options: it runs only when nothing failed before it.
 *
 * @example z.object({ from: instant, to: instant }).refine((q) => q.from < q.to, { ...whenFieldsParsed, path: ['to'] })
 */
export const whenFieldsParsed = {
  when: (payload: { issues: readonly unknown[] }): boolean => payload.issues.length === 0,
};
