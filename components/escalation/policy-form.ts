import type { CreatePolicyInput, PolicyView } from '@/lib/escalation/policy-schemas';

/**
 * The policy editor's state and its conversions, pure. People think of a policy as "page A, wait
 * 5 minutes, page B", so each level holds the wait before it (after the opening for the first level,
 * after the previous level for the others) in minutes; the API's `delaySeconds`, counted from the
 * opening, is their running sum, so reordering levels can never make the delays decrease.
 *
 *   levels [{wait '0', …}, {wait '5', …}, {wait '10', …}] → delaySeconds 0, 300, 900
 */

/** One thing a level pages: `schedule:<id>`, `user:<id>` or `channel:<name>`. */
export type TargetKey = `${'schedule' | 'user' | 'channel'}:${string}`;

export type LevelForm = { key: string; name: string; waitMinutes: string; targets: TargetKey[] };

export type PolicyForm = {
  name: string;
  description: string;
  teamId: string;
  repeat: string;
  repeatAfterMinutes: string;
  levels: LevelForm[];
};

export type PolicyProblems = Partial<Record<'name' | 'repeat' | 'repeatAfterMinutes' | 'levels', string>> & {
  level?: Record<number, string>;
};

let nextKey = 0;
/** A key for React's list of levels, stable while levels move. */
const levelKey = () => `level-${++nextKey}`;

export function blankLevel(first: boolean): LevelForm {
  return { key: levelKey(), name: '', waitMinutes: first ? '0' : '5', targets: [] };
}

export function blankPolicyForm(): PolicyForm {
  return {
    name: '',
    description: '',
    teamId: '',
    repeat: '0',
    repeatAfterMinutes: '30',
    levels: [blankLevel(true)],
  };
}

const minutes = (seconds: number) => String(Math.round((seconds / 60) * 100) / 100);

export function formOfPolicy(p: PolicyView): PolicyForm {
  return {
    name: p.name,
    description: p.description,
    teamId: p.teamId ?? '',
    repeat: String(p.repeat),
    repeatAfterMinutes: minutes(p.repeatAfterSeconds),
    levels: p.levels.map((l, i) => ({
      key: levelKey(),
      name: l.name,
      waitMinutes: minutes(l.delaySeconds - (p.levels[i - 1]?.delaySeconds ?? 0)),
      targets: [
        ...l.scheduleIds.map((id) => `schedule:${id}` as const),
        ...l.userIds.map((id) => `user:${id}` as const),
        ...l.targets.map((c) => `channel:${c}` as const),
      ],
    })),
  };
}

/** Whole seconds from a minutes field, or null when it is not a number of minutes ≥ 0. */
function seconds(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Math.round(Number(t) * 60);
}

const ids = (targets: readonly TargetKey[], kind: 'schedule' | 'user' | 'channel') =>
  targets.filter((t) => t.startsWith(`${kind}:`)).map((t) => t.slice(kind.length + 1));

/** The API body, or what to fix, per field and per level (by index). */
export function inputOfPolicyForm(
  form: PolicyForm,
): { input: CreatePolicyInput } | { problems: PolicyProblems } {
  const problems: PolicyProblems = {};
  const level: Record<number, string> = {};
  if (!form.name.trim()) problems.name = 'Give the policy a name';
  const repeat = Number(form.repeat);
  if (!Number.isInteger(repeat) || repeat < 0 || repeat > 9) problems.repeat = 'A whole number from 0 to 9';
  const repeatAfter = seconds(form.repeatAfterMinutes);
  if (repeatAfter === null) problems.repeatAfterMinutes = 'A number of minutes, 0 or more';
  if (form.levels.length === 0) problems.levels = 'Add at least one level';
  let delay = 0;
  const levels = form.levels.map((l, i) => {
    const wait = seconds(l.waitMinutes);
    if (!l.name.trim()) level[i] = 'Give the level a name';
    else if (wait === null) level[i] = 'The wait is a number of minutes, 0 or more';
    else if (l.targets.length === 0) level[i] = 'Pick whom this level pages';
    delay += wait ?? 0;
    return {
      name: l.name.trim(),
      delaySeconds: delay,
      scheduleIds: ids(l.targets, 'schedule'),
      userIds: ids(l.targets, 'user'),
      targets: ids(l.targets, 'channel'),
    };
  });
  if (Object.keys(level).length) problems.level = level;
  if (Object.keys(problems).length) return { problems };
  return {
    input: {
      name: form.name.trim(),
      description: form.description.trim(),
      teamId: form.teamId || null,
      repeat,
      repeatAfterSeconds: repeatAfter ?? 0,
      levels,
    },
  };
}

/**
 * The list with the item at `index` moved by `delta` places (-1 up, +1 down); unchanged at the ends.
 *
 *   move(['a', 'b', 'c'], 2, -1) → ['a', 'c', 'b']
 */
export function move<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const copy = [...items];
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return copy;
  [copy[index], copy[to]] = [copy[to] as T, copy[index] as T];
  return copy;
}
