'use client';

import { useState } from 'react';
import {
  blankRouteForm,
  formOfRoute,
  inputOfRouteForm,
  type RouteForm,
  type RouteProblems,
} from '@/components/escalation/route-form';
import { Dialog, DialogActions, DialogTitle } from '@/components/ui/dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { Field, Input, Select } from '@/components/ui/field';
import { useApiMutation } from '@/lib/api/query';
import type { PolicyView } from '@/lib/escalation/policy-schemas';
import { createRouteOp, updateRouteOp } from '@/lib/routing/api';
import type { RouteView } from '@/lib/routing/route-schemas';
import type { TeamChoices } from '@/lib/teams/team-choices';

/** New or edit: a route's name, matchers (not on the default route), team, policy, auto-open, urgency. */
export function RouteDialog({
  route,
  policies,
  choices,
  onClose,
}: {
  route?: RouteView;
  policies: readonly PolicyView[];
  /** The teams this person may save it under (lib/teams/access.ts teamChoices). */
  choices: TeamChoices;
  onClose: () => void;
}) {
  const [form, setForm] = useState<RouteForm>(() =>
    route
      ? formOfRoute(route)
      : {
          ...blankRouteForm(policies.find((p) => p.isDefault)?.id ?? ''),
          teamId: choices.noTeam ? '' : (choices.teams[0]?.id ?? ''),
        },
  );
  const [problems, setProblems] = useState<RouteProblems>({});
  const create = useApiMutation(createRouteOp, { onSuccess: onClose });
  const update = useApiMutation(updateRouteOp, { onSuccess: onClose });
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const fields: Partial<Record<string, string>> = { ...error?.fields, ...problems };
  const isDefault = route?.isDefault ?? false;
  const set = <K extends keyof RouteForm>(key: K, value: RouteForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = inputOfRouteForm(form, isDefault);
    if ('problems' in result) return setProblems(result.problems);
    setProblems({});
    if (route) update.mutate({ params: { id: route.id }, body: result.input });
    else create.mutate({ body: result.input });
  }

  const matcherError =
    fields.matchers ?? Object.entries(fields).find(([k]) => k.startsWith('matchers.'))?.[1];
  return (
    <Dialog onClose={onClose} className="w-[min(36rem,calc(100vw-1.5rem))]">
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <DialogTitle>{route ? `Edit route ${route.name}` : 'New route'}</DialogTitle>
        <Field id="route-name" label="Name (letters, digits, - _ .)" error={fields.name}>
          {(c) => (
            <Input
              {...c}
              autoFocus
              maxLength={100}
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        {isDefault ? (
          <p className="text-sm text-muted">
            The default route has no matchers: it takes every alert no route took.
          </p>
        ) : (
          <Field id="route-matchers" label="Matchers, one per line" error={matcherError}>
            {(c) => (
              <textarea
                {...c}
                rows={3}
                placeholder={'team="db"\nseverity=~"critical|page"'}
                className="w-full rounded-md border border-border bg-surface px-2.5 py-1.5 font-mono text-sm aria-invalid:border-danger"
                value={form.matchers}
                onChange={(e) => set('matchers', e.target.value)}
              />
            )}
          </Field>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="route-team" label="Team" error={fields.teamId}>
            {(c) => (
              <Select {...c} value={form.teamId} onChange={(e) => set('teamId', e.target.value)}>
                {choices.noTeam ? <option value="">None (admins only)</option> : null}
                {choices.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="route-policy" label="Escalation policy" error={fields.policyId}>
            {(c) => (
              <Select {...c} value={form.policyId} onChange={(e) => set('policyId', e.target.value)}>
                <option value="">Pick a policy…</option>
                {policies.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="route-urgency" label="Urgency" error={fields.urgency}>
            {(c) => (
              <Select
                {...c}
                value={form.urgency}
                onChange={(e) => set('urgency', e.target.value === 'low' ? 'low' : 'high')}
              >
                <option value="high">High</option>
                <option value="low">Low</option>
              </Select>
            )}
          </Field>
          <label className="flex min-h-11 items-center gap-2 self-end text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={form.autoOpen}
              onChange={(e) => set('autoOpen', e.target.checked)}
            />
            Open incidents automatically
          </label>
        </div>
        <ErrorMessage error={error} />
        <DialogActions onCancel={onClose} disabled={saving}>
          {saving ? 'Saving…' : route ? 'Save route' : 'Create route'}
        </DialogActions>
      </form>
    </Dialog>
  );
}
