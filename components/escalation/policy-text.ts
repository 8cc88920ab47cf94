/**
 * How a policy reads to people, pure: waits, the levels in one line, whom a level pages, and its repeat.
 * Names come from `TargetNames` (ids the maps do not know read as "unknown schedule", and so on).
 */

export type TargetNames = {
  schedules: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
};

type Level = {
  level: number;
  name: string;
  delaySeconds: number;
  targets: readonly string[];
  scheduleIds: readonly string[];
  userIds: readonly string[];
};

/**
 * A wait in words, to the minute above an hour.
 *
 *   waitText(0) → 'no wait'   waitText(45) → '45 s'   waitText(300) → '5 min'
 *   waitText(5400) → '1 h 30 min'   waitText(86_400) → '1 d'   waitText(90_000) → '1 d 1 h'
 */
export function waitText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s === 0) return 'no wait';
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const rest = s % 60;
    return `${Math.floor(s / 60)} min${rest ? ` ${rest} s` : ''}`;
  }
  if (s < 86_400) {
    const m = Math.floor((s % 3600) / 60);
    return `${Math.floor(s / 3600)} h${m ? ` ${m} min` : ''}`;
  }
  const h = Math.floor((s % 86_400) / 3600);
  return `${Math.floor(s / 86_400)} d${h ? ` ${h} h` : ''}`;
}

/** `L2 On-call SRE` from level 2 and its name; a name that already starts with `L2` stays as it is. */
export const levelLabel = ({ level, name }: { level: number; name: string }) =>
  name.startsWith(`L${level}`) ? name : `L${level} ${name}`;

/**
 * The levels in one line, each with when it fires after the incident opened.
 *
 *   [{level: 1, name: 'Chat', delaySeconds: 0}, {level: 2, name: 'SRE on call', delaySeconds: 300}]
 *   → 'L1 Chat now → L2 SRE on call +5 min'
 */
export function levelsSummary(levels: readonly Pick<Level, 'level' | 'name' | 'delaySeconds'>[]): string {
  if (levels.length === 0) return 'No levels';
  return levels
    .map((l) => `${levelLabel(l)} ${l.delaySeconds === 0 ? 'now' : `+${waitText(l.delaySeconds)}`}`)
    .join(' → ');
}

/**
 * Whom a level pages, by name, in the order a reader expects: schedules' on-call people, users, channels.
 *
 *   {scheduleIds: ['s1'], userIds: ['u1'], targets: ['ops-chat']} → ['on call on SRE primary', 'Ana Lopez', 'channel ops-chat']
 */
export function levelTargetTexts(
  level: Pick<Level, 'targets' | 'scheduleIds' | 'userIds'>,
  names: TargetNames,
) {
  return [
    ...level.scheduleIds.map((id) => `on call on ${names.schedules.get(id) ?? 'an unknown schedule'}`),
    ...level.userIds.map((id) => names.users.get(id) ?? 'an unknown user'),
    ...level.targets.map((c) => `channel ${c}`),
  ];
}

/**
 * The repeat, in words.
 *
 *   repeatText(0, 1800) → 'Runs once.'
 *   repeatText(2, 1800) → 'Starts over from L1 30 min after the last level, 2 more times.'
 */
export function repeatText(repeat: number, repeatAfterSeconds: number): string {
  if (repeat === 0) return 'Runs once.';
  const times = repeat === 1 ? 'once more' : `${repeat} more times`;
  const after = repeatAfterSeconds === 0 ? 'right after' : `${waitText(repeatAfterSeconds)} after`;
  return `Starts over from L1 ${after} the last level, ${times}.`;
}
