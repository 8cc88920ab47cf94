import { describe, expect, it } from 'vitest';
import { mayChange, mayCreate } from './team-choices';

const admin = { noTeam: true, teams: [{ id: 't1', name: 'Payments' }] };
const teamAdmin = { noTeam: false, teams: [{ id: 't1', name: 'Payments' }] };
const nobody = { noTeam: false, teams: [] };

describe('team choices', () => {
  it('let an admin change anything, a team admin only their team’s, others nothing', () => {
    expect([mayChange(admin, 't1'), mayChange(admin, 't2'), mayChange(admin, null)]).toEqual([
      true,
      true,
      true,
    ]);
    expect([mayChange(teamAdmin, 't1'), mayChange(teamAdmin, 't2'), mayChange(teamAdmin, null)]).toEqual([
      true,
      false,
      false,
    ]);
    expect([mayChange(nobody, 't1'), mayChange(nobody, null)]).toEqual([false, false]);
  });

  it('let someone create only with a team to create it under, or as an admin', () => {
    expect([mayCreate(admin), mayCreate(teamAdmin), mayCreate(nobody)]).toEqual([true, true, false]);
  });
});
