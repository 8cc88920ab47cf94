'use client';

import { useState } from 'react';
import { move } from '@/components/escalation/policy-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { Link } from '@/components/ui/link';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import { listPoliciesOp } from '@/lib/escalation/api';
import { deleteRouteOp, listRoutesOp, reorderRoutesOp } from '@/lib/routing/api';
import type { RouteView } from '@/lib/routing/route-schemas';
import { mayChange, mayCreate, type TeamChoices } from '@/lib/teams/team-choices';
import { RouteDialog } from './route-dialog';
import { useEscalationNames } from './use-escalation-names';

/**
 * Routes in the order they are tried (first match wins), the default last: matchers, team, policy,
 * auto-open and urgency. Admins and a team's admins add, edit and delete its routes (`choices`: what this
 * person may save under; null: a viewer); admins move them up and down.
 */
export function RouteList({ choices, canReorder }: { choices: TeamChoices | null; canReorder: boolean }) {
  const list = useApiQuery(listRoutesOp, {});
  const policies = useApiQuery(listPoliciesOp, {});
  const { names } = useEscalationNames();
  const [editing, setEditing] = useState<RouteView | 'new' | null>(null);
  const reorder = useApiMutation(reorderRoutesOp);
  const remove = useApiMutation(deleteRouteOp);
  const routes = list.data?.routes ?? [];
  const ordered = routes.filter((r) => !r.isDefault);
  const policyName = new Map(policies.data?.policies.map((p) => [p.id, p.name]));
  const moveRoute = (index: number, delta: -1 | 1) =>
    reorder.mutate({ body: { ids: move(ordered, index, delta).map((r) => r.id) } });

  return (
    <section aria-labelledby="routes-heading" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="routes-heading" className="font-semibold">
          Routes, in the order they are tried
        </h2>
        {choices && mayCreate(choices) ? <Button onClick={() => setEditing('new')}>New route</Button> : null}
      </div>
      <p className="text-sm text-muted">
        An alert takes the first route whose matchers all match its labels; the default route takes the rest.
      </p>
      <ErrorMessage error={list.error ?? reorder.error ?? remove.error} boxed />
      {list.isPending ? <p className="text-sm text-muted">Loading routes…</p> : null}
      <ol className="flex flex-col gap-2" data-testid="route-list">
        {routes.map((r) => {
          const index = ordered.indexOf(r);
          return (
            <li
              key={r.id}
              className="flex flex-col gap-1 rounded-md border border-border bg-surface p-3 text-sm"
              data-testid="route-item"
              data-route={r.name}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-xs text-muted">{r.isDefault ? 'last' : `#${index + 1}`}</span>
                <strong className="break-all">{r.name}</strong>
                {r.isDefault ? <Badge tone="accent">default</Badge> : null}
                {r.autoOpen ? <Badge tone="ok">opens incidents</Badge> : <Badge>no auto-open</Badge>}
                <Badge tone={r.urgency === 'high' ? 'warn' : 'neutral'}>{r.urgency} urgency</Badge>
              </div>
              <p className="break-all">
                {r.isDefault ? (
                  <span className="text-muted">Every alert no route above took</span>
                ) : (
                  r.matchers.map((m) => (
                    <code key={m} className="mr-2 rounded bg-bg px-1 text-xs">
                      {m}
                    </code>
                  ))
                )}
              </p>
              <p>
                Team {r.teamId ? (names.teams.get(r.teamId) ?? '…') : 'none'} · Policy{' '}
                <Link href={`/escalation/policies/${r.policyId}`} className="text-accent hover:underline">
                  {policyName.get(r.policyId) ?? '…'}
                </Link>
              </p>
              {choices && (canReorder || mayChange(choices, r.teamId)) ? (
                <div className="flex flex-wrap gap-2">
                  {canReorder && !r.isDefault ? (
                    <>
                      <Button
                        variant="ghost"
                        aria-label={`Move ${r.name} up`}
                        disabled={index === 0 || reorder.isPending}
                        onClick={() => moveRoute(index, -1)}
                      >
                        ↑ Up
                      </Button>
                      <Button
                        variant="ghost"
                        aria-label={`Move ${r.name} down`}
                        disabled={index === ordered.length - 1 || reorder.isPending}
                        onClick={() => moveRoute(index, 1)}
                      >
                        ↓ Down
                      </Button>
                    </>
                  ) : null}
                  {mayChange(choices, r.teamId) ? (
                    <Button variant="secondary" onClick={() => setEditing(r)}>
                      Edit
                    </Button>
                  ) : null}
                  {r.isDefault || !mayChange(choices, r.teamId) ? null : (
                    <Button
                      variant="secondary"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ params: { id: r.id } })}
                    >
                      Delete
                    </Button>
                  )}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {editing && choices ? (
        <RouteDialog
          choices={choices}
          route={editing === 'new' ? undefined : editing}
          policies={policies.data?.policies ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}
