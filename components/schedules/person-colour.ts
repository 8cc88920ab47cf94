/**
 * A person's colour on the schedule timeline: the same on every view, page and reload, because it comes
 * from their user id alone (FNV-1a hash, then a palette slot). Colour is never the only signal: bars
 * also carry the name. Tailwind sees the class names written out here.
 *
 *   personColour('cm0abc') → 'border-sky-600 bg-sky-500/25'   (the same string every time)
 */

const PALETTE = [
  'border-sky-600 bg-sky-500/25',
  'border-amber-600 bg-amber-500/25',
  'border-emerald-600 bg-emerald-500/25',
  'border-fuchsia-600 bg-fuchsia-500/25',
  'border-orange-600 bg-orange-500/25',
  'border-teal-600 bg-teal-500/25',
  'border-violet-600 bg-violet-500/25',
  'border-lime-600 bg-lime-500/25',
  'border-rose-600 bg-rose-500/25',
  'border-indigo-600 bg-indigo-500/25',
] as const;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function personColour(userId: string): string {
  return PALETTE[fnv1a(userId) % PALETTE.length] as string;
}
