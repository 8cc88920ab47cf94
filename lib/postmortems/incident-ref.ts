/**
 * How an incident is named in a post-mortem URL: its id, or `INC-<n>` as the console shows it. Pure.
 *
 *   incidentWhere('INC-42')   → {number: 42}
 *   incidentWhere('inc-7')    → {number: 7}
 *   incidentWhere('clx2a9k0') → {id: 'clx2a9k0'}
 */
export function incidentWhere(ref: string): { number: number } | { id: string } {
  const trimmed = ref.trim();
  const match = /^INC-(\d{1,9})$/i.exec(trimmed);
  return match ? { number: Number(match[1]) } : { id: trimmed };
}

/** `INC-42`. */
export const incidentRef = (number: number) => `INC-${number}`;
