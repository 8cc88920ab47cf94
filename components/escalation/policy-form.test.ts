import { describe, expect, it } from 'vitest';
import type { PolicyView } from '@/lib/escalation/policy-schemas';
import {
  blankLevel,
  blankPolicyForm,
  formOfPolicy,
  inputOfPolicyForm,
  move,
  type PolicyForm,
} from './policy-form';

const form = (patch: Partial<PolicyForm> = {}): PolicyForm => ({
  ...blankPolicyForm(),
  name: 'DB',
  levels: [
    { key: 'a', name: 'On call', waitMinutes: '0', targets: ['schedule:s1'] },
    { key: 'b', name: 'Lead', waitMinutes: '5', targets: ['user:u1', 'channel:ops-chat'] },
    { key: 'c', name: 'CTO', waitMinutes: '10', targets: ['user:u2'] },
  ],
  ...patch,
});

describe('inputOfPolicyForm', () => {
  it('turns waits between levels into delays from the opening', () => {
    const result = inputOfPolicyForm(form());
    expect(result).toEqual({
      input: {
        name: 'DB',
        description: '',
        teamId: null,
        repeat: 0,
        repeatAfterSeconds: 1800,
        levels: [
          { name: 'On call', delaySeconds: 0, scheduleIds: ['s1'], userIds: [], targets: [] },
          { name: 'Lead', delaySeconds: 300, scheduleIds: [], userIds: ['u1'], targets: ['ops-chat'] },
          { name: 'CTO', delaySeconds: 900, scheduleIds: [], userIds: ['u2'], targets: [] },
        ],
      },
    });
  });

  it('says what to fix, per field and per level', () => {
    const result = inputOfPolicyForm(
      form({
        name: ' ',
        repeat: '10',
        repeatAfterMinutes: 'soon',
        levels: [
          { key: 'a', name: '', waitMinutes: '0', targets: ['schedule:s1'] },
          { key: 'b', name: 'Lead', waitMinutes: '-1', targets: ['user:u1'] },
          { key: 'c', name: 'CTO', waitMinutes: '1', targets: [] },
        ],
      }),
    );
    expect(result).toEqual({
      problems: {
        name: 'Give the policy a name',
        repeat: 'A whole number from 0 to 9',
        repeatAfterMinutes: 'A number of minutes, 0 or more',
        level: {
          0: 'Give the level a name',
          1: 'The wait is a number of minutes, 0 or more',
          2: 'Pick whom this level pages',
        },
      },
    });
    expect(inputOfPolicyForm(form({ levels: [] }))).toEqual({
      problems: { levels: 'Add at least one level' },
    });
  });

  it('round-trips a stored policy', () => {
    const policy: PolicyView = {
      id: 'p1',
      name: 'DB',
      description: 'Databases',
      teamId: 't1',
      repeat: 2,
      repeatAfterSeconds: 600,
      isDefault: false,
      managedBy: 'api',
      routes: 0,
      updatedAt: '2026-12-01T00:00:00.000Z',
      levels: [
        {
          level: 1,
          name: 'On call',
          delaySeconds: 60,
          waitBeforeNextSeconds: 240,
          targets: ['ops-chat'],
          scheduleIds: ['s1'],
          userIds: [],
        },
        {
          level: 2,
          name: 'Lead',
          delaySeconds: 300,
          waitBeforeNextSeconds: null,
          targets: [],
          scheduleIds: [],
          userIds: ['u1'],
        },
      ],
    };
    const edited = formOfPolicy(policy);
    expect(edited.levels.map((l) => [l.waitMinutes, l.targets])).toEqual([
      ['1', ['schedule:s1', 'channel:ops-chat']],
      ['4', ['user:u1']],
    ]);
    const result = inputOfPolicyForm(edited);
    expect('input' in result && result.input).toMatchObject({
      teamId: 't1',
      repeat: 2,
      repeatAfterSeconds: 600,
      levels: [{ delaySeconds: 60 }, { delaySeconds: 300 }],
    });
  });

  it('keeps delays non-decreasing when levels move', () => {
    const f = form();
    const result = inputOfPolicyForm({ ...f, levels: move(f.levels, 2, -1) });
    expect('input' in result && result.input.levels.map((l) => [l.name, l.delaySeconds])).toEqual([
      ['On call', 0],
      ['CTO', 600],
      ['Lead', 900],
    ]);
  });
});

describe('move', () => {
  it('swaps with the neighbour and leaves the ends alone', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('blankLevel', () => {
  it('starts the first level at once and later ones after 5 minutes, each with its own key', () => {
    const [a, b] = [blankLevel(true), blankLevel(false)];
    expect([a.waitMinutes, b.waitMinutes]).toEqual(['0', '5']);
    expect(a.key).not.toBe(b.key);
  });
});
