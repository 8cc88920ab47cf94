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

type NextPages = {
  people: readonly { name: string; schedule: string | null }[];
  channels: readonly string[];
  nobodyOnCall: readonly string[];
};

/**
 * Whom the next step will page, in a sentence. Pure.
 *
 *   {people: [{name: 'Ana', schedule: 'SRE primary'}, {name: 'Bo', schedule: null}], channels: ['ops-chat'], nobodyOnCall: []}
 *     → 'It will page Ana (on call on SRE primary), Bo and ops-chat.'
 *   {people: [], channels: [], nobodyOnCall: ['DB']} → 'It will page nobody: nobody is on call on DB.'
 */
export function nextPagesText({ people, channels, nobodyOnCall }: NextPages): string {
  const who = [
    ...people.map((p) => (p.schedule ? `${p.name} (on call on ${p.schedule})` : p.name)),
    ...channels,
  ];
  const empty = nobodyOnCall.length ? `nobody is on call on ${listText(nobodyOnCall)}` : '';
  if (who.length === 0) return `It will page nobody${empty ? `: ${empty}` : ''}.`;
  return `It will page ${listText(who)}${empty ? `; ${empty}` : ''}.`;
}

/** `a`, `a and b`, `a, b and c`. */
const listText = (items: readonly string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
