'use client';

import { useState } from 'react';
import { parseLabels } from '@/components/escalation/label-text';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { Field, Input } from '@/components/ui/field';
import { Link } from '@/components/ui/link';
import { useApiMutation } from '@/lib/api/query';
import { testRouteOp } from '@/lib/routing/api';

/** "Which route and policy would these labels take?", answered as auto-open decides it. */
export function RouteTester() {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const test = useApiMutation(testRouteOp);
  const answer = test.data;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // The answer shown is always the one for the text being tested: an earlier answer under a new
    // error (or while the new test runs) reads as the answer to the new text.
    test.reset();
    const parsed = parseLabels(text);
    if ('error' in parsed) return setProblem(parsed.error);
    setProblem(undefined);
    test.mutate({ body: { labels: parsed.labels } });
  }

  return (
    <section
      aria-labelledby="tester-heading"
      className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-3"
    >
      <h2 id="tester-heading" className="font-semibold">
        Which route and policy would these labels take?
      </h2>
      <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
        <div className="grow">
          <Field id="tester-labels" label="An alert’s labels" error={problem}>
            {(c) => (
              <Input
                {...c}
                className="font-mono"
                placeholder='team="db", severity="critical"'
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Button type="submit" disabled={test.isPending}>
          {test.isPending ? 'Testing…' : 'Test'}
        </Button>
      </form>
      <ErrorMessage error={test.error} />
      {answer ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="route-test-result">
          <dt className="text-muted">Route</dt>
          <dd data-testid="tested-route">
            {answer.route ? `${answer.route.name}${answer.route.isDefault ? ' (default)' : ''}` : 'none'}
          </dd>
          <dt className="text-muted">Team</dt>
          <dd>{answer.team?.name ?? 'none'}</dd>
          <dt className="text-muted">Policy</dt>
          <dd data-testid="tested-policy">
            {answer.policy ? (
              <Link href={`/escalation/policies/${answer.policy.id}`} className="text-accent hover:underline">
                {answer.policy.name}
              </Link>
            ) : (
              'none'
            )}
          </dd>
          <dt className="text-muted">Incident</dt>
          <dd>
            {answer.autoOpen ? 'opened automatically' : 'not opened automatically'}
            {answer.urgency ? `, ${answer.urgency} urgency` : ''}
          </dd>
          <dt className="text-muted">Matched</dt>
          <dd className="break-all" data-testid="tested-matchers">
            {answer.matched.length
              ? answer.matched.join(', ')
              : answer.route?.isDefault
                ? 'no route’s matchers: the default route takes it'
                : 'nothing'}
          </dd>
        </dl>
      ) : null}
    </section>
  );
}
