/**
 * How people name an incident: `INC-<n>` as the console, notifications and audit rows show it, or its id.
 * The one place of that rule, for URLs (`/incidents/INC-7`, a runbook's `?incident=`), API paths and
 * step requests. Pure and client-safe.
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
