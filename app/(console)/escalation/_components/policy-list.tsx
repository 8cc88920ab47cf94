'use client';

import { useState } from 'react';
import { levelsSummary, repeatText } from '@/components/escalation/policy-text';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { Link } from '@/components/ui/link';
import { useApiQuery } from '@/lib/api/query';
import { listPoliciesOp } from '@/lib/escalation/api';
import { mayCreate, type TeamChoices } from '@/lib/teams/team-choices';
import { PolicyDialog } from './policy-dialog';
import { useEscalationNames } from './use-escalation-names';

/**
 * Every policy, the default first: name, team, its levels in one line, its repeat. Someone who may save
 * a policy under some team (or none: admins) adds one; `choices` null: a viewer.
 */
export function PolicyList({ choices }: { choices: TeamChoices | null }) {
  const canCreate = choices !== null && mayCreate(choices);
  const list = useApiQuery(listPoliciesOp, {});
  const { names, error } = useEscalationNames();
  const [creating, setCreating] = useState(false);
  const policies = list.data?.policies ?? [];
  return (
    <section aria-labelledby="policies-heading" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="policies-heading" className="font-semibold">
          Policies
        </h2>
        {canCreate ? <Button onClick={() => setCreating(true)}>New policy</Button> : null}
      </div>
      <ErrorMessage error={list.error ?? error} boxed />
      {list.isPending ? <p className="text-sm text-muted">Loading policies…</p> : null}
      <ul className="flex flex-col gap-2" data-testid="policy-list">
        {policies.map((p) => (
          <li key={p.id} className="rounded-md border border-border bg-surface p-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Link
                href={`/escalation/policies/${p.id}`}
                className="inline-flex min-h-11 items-center font-medium text-accent hover:underline sm:min-h-0"
              >
                {p.name}
              </Link>
              {p.isDefault ? <Badge tone="accent">default</Badge> : null}
              {p.managedBy === 'config' ? <Badge>from VIGIL_CONFIG</Badge> : null}
              <span className="text-muted">
                {p.teamId ? `Team ${names.teams.get(p.teamId) ?? '…'}` : 'No team'} ·{' '}
                {p.routes === 1 ? '1 route' : `${p.routes} routes`}
              </span>
            </div>
            <p className="mt-1 break-words" data-testid="levels-summary">
              {levelsSummary(p.levels)}
            </p>
            <p className="text-muted">{repeatText(p.repeat, p.repeatAfterSeconds)}</p>
          </li>
        ))}
      </ul>
      {creating && choices ? <PolicyDialog choices={choices} onClose={() => setCreating(false)} /> : null}
    </section>
  );
}
