/**
 * How an incident is named in a runbook URL (`?incident=`) or a step request: its id, or `INC-<n>`
 * as the console shows it. Pure.
 *
 *   parseIncidentRef('INC-42')   → {number: 42}
 *   parseIncidentRef('inc-7')    → {number: 7}
 *   parseIncidentRef('clx2a9k0') → {id: 'clx2a9k0'}
 */
export function parseIncidentRef(ref: string): { number: number } | { id: string } {
  const trimmed = ref.trim();
  const match = /^INC-(\d{1,9})$/i.exec(trimmed);
  return match ? { number: Number(match[1]) } : { id: trimmed };
}

/** `INC-42`. */
export const incidentLabel = (number: number) => `INC-${number}`;
