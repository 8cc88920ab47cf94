import type { PageMessage } from '../message';

const BY_SEVERITY: Record<string, string> = { critical: '#d92d20', warning: '#f79009', info: '#2e90fa' };

/**
 * The side bar of a chat attachment: green for a test or a follow-up; for a page, and a reminder that
 * its incident still fires, the severity's colour, else grey.
 */
export function severityColour(m: PageMessage): string {
  if (m.kind === 'test' || m.kind === 'followup') return '#12b76a';
  return (m.severity && BY_SEVERITY[m.severity]) || '#667085';
}
