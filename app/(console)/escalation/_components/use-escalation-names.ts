'use client';

import { useMemo } from 'react';
import type { TargetNames } from '@/components/escalation/policy-text';
import { useApiQuery } from '@/lib/api/query';
import { policyTargetsOp } from '@/lib/escalation/api';
import { listTeamsOp } from '@/lib/teams/api';

/** What policies and routes name by id — schedules, users, teams — with their names, for the lists. */
export function useEscalationNames() {
  const targets = useApiQuery(policyTargetsOp, {});
  const teams = useApiQuery(listTeamsOp, {});
  const names = useMemo(
    () => ({
      schedules: new Map(targets.data?.schedules.map((s) => [s.id, s.name])),
      users: new Map(targets.data?.users.map((u) => [u.id, u.name])),
      teams: new Map(teams.data?.teams.map((t) => [t.id, t.name])),
    }),
    [targets.data, teams.data],
  ) satisfies TargetNames & { teams: ReadonlyMap<string, string> };
  return {
    names,
    targets: targets.data,
    teams: teams.data?.teams ?? [],
    error: targets.error ?? teams.error,
  };
}
