import { describe, expect, it } from 'vitest';
import { addMemberSchema, setMemberSchema, teamInputSchema, teamPatchSchema } from './team-schemas';

const refusal = (
  schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } },
  v: unknown,
) => schema.safeParse(v).error?.issues.map((i) => i.message);

describe('team bodies', () => {
  it('refuse an unknown key instead of ignoring it (a typo would change nothing)', () => {
    expect(refusal(teamInputSchema, { slug: 'qa', name: 'QA', chanels: ['sre-mail'] })).toEqual([
      'Unrecognized key: "chanels"',
    ]);
    expect(refusal(teamPatchSchema, { Name: 'QA' })).toEqual(['Unrecognized key: "Name"']);
    expect(refusal(addMemberSchema, { userId: 'u1', admin: true })).toEqual(['Unrecognized key: "admin"']);
    expect(refusal(setMemberSchema, { isAdmin: true, x: 1 })).toEqual(['Unrecognized key: "x"']);
    expect(teamPatchSchema.parse({ name: 'QA' })).toEqual({ name: 'QA' });
  });
});
