'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { Input, Select } from '@/components/ui/field';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import { getMyRulesOp, listMyContactsOp, replaceMyRulesOp } from '@/lib/contacts/api';
import type { ContactRow } from '@/lib/contacts/contact-schemas';
import type { NotificationRules, RuleInput } from '@/lib/contacts/rule-schemas';

const URGENCIES = [
  { key: 'high', title: 'High urgency pages' },
  { key: 'low', title: 'Low urgency pages' },
] as const;

/**
 * "How to page me" on one's profile: per urgency, ordered "after N minutes, use method M" steps over
 * one's contact methods, push and the account's e-mail, saved whole. Without steps, every verified
 * method is used at once.
 */
export function MyNotificationRules() {
  const rules = useApiQuery(getMyRulesOp, {});
  const methods = useApiQuery(listMyContactsOp, {});
  if (!rules.data || !methods.data)
    return (
      <div className="text-sm">
        <ErrorMessage error={rules.error ?? methods.error} />
        {rules.error || methods.error ? null : <p className="text-muted">Loading…</p>}
      </div>
    );
  return <RulesEditor initial={rules.data} methods={methods.data.methods} />;
}

/** A step being edited, with a key of its own: steps are added and removed anywhere in the list. */
type Step = RuleInput & { uid: number };
type Draft = Record<keyof NotificationRules, Step[]>;

let nextUid = 0;
const withUids = (rules: NotificationRules): Draft => ({
  high: rules.high.map((r) => ({ ...r, uid: nextUid++ })),
  low: rules.low.map((r) => ({ ...r, uid: nextUid++ })),
});
const strip = (steps: Step[]): RuleInput[] =>
  steps.map(({ afterMinutes, method }) => ({ afterMinutes, method }));

function RulesEditor({ initial, methods }: { initial: NotificationRules; methods: ContactRow[] }) {
  const [draft, setDraft] = useState(() => withUids(initial));
  const save = useApiMutation(replaceMyRulesOp, { onSuccess: (saved) => setDraft(withUids(saved)) });
  const update = (urgency: keyof NotificationRules, steps: Step[]) =>
    setDraft({ ...draft, [urgency]: steps });
  return (
    <form
      className="flex flex-col gap-4 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ body: { high: strip(draft.high), low: strip(draft.low) } });
      }}
    >
      {URGENCIES.map(({ key, title }) => (
        <fieldset key={key} className="flex flex-col gap-2" data-testid={`rules-${key}`}>
          <legend className="font-medium">{title}</legend>
          {draft[key].length === 0 ? (
            <p className="text-muted">No steps: every verified method at once.</p>
          ) : null}
          {draft[key].map((rule, i) => (
            <div key={rule.uid} className="flex flex-wrap items-center gap-2">
              <label htmlFor={`rule-${key}-${i}-after`}>After</label>
              <Input
                id={`rule-${key}-${i}-after`}
                type="number"
                min={0}
                max={1440}
                className="w-20"
                value={rule.afterMinutes}
                onChange={(e) =>
                  update(
                    key,
                    draft[key].map((r, j) => (j === i ? { ...r, afterMinutes: Number(e.target.value) } : r)),
                  )
                }
              />
              <label htmlFor={`rule-${key}-${i}-method`}>minutes, use</label>
              <Select
                id={`rule-${key}-${i}-method`}
                value={rule.method}
                onChange={(e) =>
                  update(
                    key,
                    draft[key].map((r, j) => (j === i ? { ...r, method: e.target.value } : r)),
                  )
                }
              >
                {methods.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label} ({m.display})
                  </option>
                ))}
                <option value="push">Push to my browsers</option>
                <option value="email">My account's e-mail</option>
              </Select>
              <Button
                variant="secondary"
                type="button"
                onClick={() =>
                  update(
                    key,
                    draft[key].filter((_, j) => j !== i),
                  )
                }
              >
                Remove
              </Button>
            </div>
          ))}
          <Button
            variant="secondary"
            type="button"
            className="self-start"
            disabled={draft[key].length >= 10}
            onClick={() =>
              update(key, [
                ...draft[key],
                {
                  uid: nextUid++,
                  afterMinutes: draft[key].length === 0 ? 0 : 5,
                  method: methods[0]?.id ?? 'email',
                },
              ])
            }
          >
            Add a step
          </Button>
        </fieldset>
      ))}
      <Button type="submit" className="self-start" disabled={save.isPending}>
        Save rules
      </Button>
      {save.isSuccess ? <p className="text-ok">Saved.</p> : null}
      <ErrorMessage error={save.error} />
    </form>
  );
}
