import { formatDuration } from '@/components/format/duration';

/**
 * The sentence for an incident's next escalation step, at `nowMs`. Pure.
 *
 *   nextEscalationText({level: 3, name: 'SRE lead', at: '…12:05:00Z'}, …12:01:00Z) → 'Next step L3 (SRE lead) in 4m'
 *   nextEscalationText({level: 2, name: 'Team', at: '…12:00:00Z'}, …12:00:30Z)    → 'Next step L2 (Team) due now'
 *   nextEscalationText({level: 2, name: 'L2 on-call SRE', at: '…12:05:00Z'}, …12:01:00Z) → 'Next step L2 on-call SRE in 4m'
 */
export function nextEscalationText(next: { level: number; name: string; at: string }, nowMs: number): string {
  const seconds = (Date.parse(next.at) - nowMs) / 1000;
  // The default policy's names already start with their level ("L2 on-call SRE").
  const label = next.name.startsWith(`L${next.level} `)
    ? next.name
    : `L${next.level}${next.name ? ` (${next.name})` : ''}`;
  const step = `Next step ${label}`;
  return seconds > 0 ? `${step} in ${formatDuration(Math.ceil(seconds))}` : `${step} due now`;
}
