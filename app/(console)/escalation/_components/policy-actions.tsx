'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { useApiMutation } from '@/lib/api/query';
import { deletePolicyOp } from '@/lib/escalation/api';
import type { PolicyView } from '@/lib/escalation/policy-schemas';
import type { TeamChoices } from '@/lib/teams/team-choices';
import { PolicyDialog } from './policy-dialog';

/** Edit and delete on a policy's page; a refused delete (a route uses it) says which routes. */
export function PolicyActions({ policy, choices }: { policy: PolicyView; choices: TeamChoices }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useApiMutation(deletePolicyOp, { onSuccess: () => router.push('/escalation') });
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => setEditing(true)}>Edit policy</Button>
        {confirming ? (
          <>
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ params: { id: policy.id } })}
            >
              {remove.isPending ? 'Deleting…' : `Delete ${policy.name} for good`}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </>
        ) : (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            Delete policy
          </Button>
        )}
      </div>
      <ErrorMessage error={remove.error} boxed />
      {editing ? <PolicyDialog policy={policy} choices={choices} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
