'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { LevelEditor } from '@/components/escalation/level-editor';
import {
  blankLevel,
  blankPolicyForm,
  formOfPolicy,
  inputOfPolicyForm,
  move,
  type PolicyForm,
  type PolicyProblems,
} from '@/components/escalation/policy-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions, DialogTitle } from '@/components/ui/dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { Field, Input, Select } from '@/components/ui/field';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import { createPolicyOp, policyTargetsOp, updatePolicyOp } from '@/lib/escalation/api';
import type { PolicyView } from '@/lib/escalation/policy-schemas';
import type { TeamChoices } from '@/lib/teams/team-choices';

/**
 * New or edit: a policy's name, team, description, levels (added, removed, moved) and repeat. `choices`:
 * the teams this person may save it under (lib/teams/access.ts teamChoices); a responder starts with the
 * first of theirs.
 */
export function PolicyDialog({
  policy,
  choices,
  onClose,
}: {
  policy?: PolicyView;
  choices: TeamChoices;
  onClose: () => void;
}) {
  const router = useRouter();
  const [form, setForm] = useState<PolicyForm>(() =>
    policy
      ? formOfPolicy(policy)
      : { ...blankPolicyForm(), teamId: choices.noTeam ? '' : (choices.teams[0]?.id ?? '') },
  );
  const [problems, setProblems] = useState<PolicyProblems>({});
  // Asked again on every opening: a schedule or a person added since the list loaded is offered.
  const targets = useApiQuery(policyTargetsOp, {}, { refetchOnMount: 'always' });
  const done = () => {
    onClose();
    router.refresh();
  };
  const create = useApiMutation(createPolicyOp, {
    onSuccess: (created) => {
      onClose();
      router.push(`/escalation/policies/${created.id}`);
    },
  });
  const update = useApiMutation(updatePolicyOp, { onSuccess: done });
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const { level: levelProblems, ...formProblems } = problems;
  const fields: Partial<Record<string, string>> = { ...error?.fields, ...formProblems };
  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setLevels = (levels: PolicyForm['levels']) => set('levels', levels);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = inputOfPolicyForm(form);
    if ('problems' in result) return setProblems(result.problems);
    setProblems({});
    if (policy) update.mutate({ params: { id: policy.id }, body: result.input });
    else create.mutate({ body: result.input });
  }

  return (
    <Dialog onClose={onClose} className="w-[min(44rem,calc(100vw-1.5rem))]">
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <DialogTitle>{policy ? `Edit policy ${policy.name}` : 'New escalation policy'}</DialogTitle>
        <Field id="policy-name" label="Name" error={fields.name}>
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
        <Field id="policy-team" label="Team (its admins may change the policy)" error={fields.teamId}>
          {(c) => (
            <Select {...c} value={form.teamId} onChange={(e) => set('teamId', e.target.value)}>
              {choices.noTeam ? <option value="">No team (admins only)</option> : null}
              {choices.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="policy-description" label="Description (optional)" error={fields.description}>
          {(c) => (
            <Input
              {...c}
              maxLength={2000}
              value={form.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </Field>
        <h3 className="text-sm font-semibold">Levels, in the order they page</h3>
        <ErrorMessage error={targets.error} />
        {form.levels.map((level, i) => (
          <LevelEditor
            key={level.key}
            index={i}
            count={form.levels.length}
            level={level}
            options={targets.data}
            error={levelProblems?.[i] ?? fields[`levels.${i}.delaySeconds`] ?? fields[`levels.${i}`]}
            onChange={(l) => setLevels(form.levels.map((x, j) => (j === i ? l : x)))}
            onMove={(delta) => setLevels(move(form.levels, i, delta))}
            onRemove={() => setLevels(form.levels.filter((_, j) => j !== i))}
          />
        ))}
        {fields.levels ? <p className="text-sm text-danger">{fields.levels}</p> : null}
        <div>
          <Button
            variant="secondary"
            disabled={form.levels.length >= 20}
            onClick={() => setLevels([...form.levels, blankLevel(form.levels.length === 0)])}
          >
            Add level
          </Button>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="policy-repeat" label="Start over from L1, times (0–9)" error={fields.repeat}>
            {(c) => (
              <Input
                {...c}
                inputMode="numeric"
                value={form.repeat}
                onChange={(e) => set('repeat', e.target.value)}
              />
            )}
          </Field>
          <Field
            id="policy-repeat-after"
            label="…after the last level (min)"
            error={fields.repeatAfterMinutes ?? fields.repeatAfterSeconds}
          >
            {(c) => (
              <Input
                {...c}
                inputMode="decimal"
                value={form.repeatAfterMinutes}
                onChange={(e) => set('repeatAfterMinutes', e.target.value)}
              />
            )}
          </Field>
        </div>
        <ErrorMessage error={error} />
        <DialogActions onCancel={onClose} disabled={saving}>
          {saving ? 'Saving…' : policy ? 'Save policy' : 'Create policy'}
        </DialogActions>
      </form>
    </Dialog>
  );
}
