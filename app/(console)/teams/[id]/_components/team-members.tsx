'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { Select } from '@/components/ui/field';
import { Link } from '@/components/ui/link';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import { policyTargetsOp } from '@/lib/escalation/api';
import { addTeamMemberOp, removeTeamMemberOp, setTeamMemberOp } from '@/lib/teams/api';
import type { TeamDetail } from '@/lib/teams/team-schemas';

/**
 * The team's members; for admins and team admins, add a person, make or unmake a team admin, remove.
 * The API keeps the last team admin (409) and says so here.
 */
export function TeamMembers({
  teamId,
  members,
  canManage,
}: {
  teamId: string;
  members: TeamDetail['members'];
  canManage: boolean;
}) {
  const router = useRouter();
  const refresh = { onSuccess: () => router.refresh() };
  const add = useApiMutation(addTeamMemberOp, refresh);
  const set = useApiMutation(setTeamMemberOp, refresh);
  const remove = useApiMutation(removeTeamMemberOp, refresh);
  const people = useApiQuery(policyTargetsOp, {}, { enabled: canManage });
  const [adding, setAdding] = useState('');
  const addable = (people.data?.users ?? []).filter((u) => !members.some((m) => m.userId === u.id));
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-2 text-sm" data-testid="team-members">
        {members.map((m) => {
          const who = m.name ?? m.email;
          return (
            <li key={m.userId} className="flex flex-wrap items-center gap-2">
              <Link
                href={`/people/${encodeURIComponent(m.userId)}`}
                className="font-medium text-accent hover:underline"
              >
                {who}
              </Link>
              {m.isAdmin ? <Badge tone="accent">team admin</Badge> : null}
              {canManage ? (
                <span className="ml-auto flex flex-wrap gap-2">
                  <Button
                    variant="secondary"
                    onClick={() =>
                      set.mutate({ params: { id: teamId, userId: m.userId }, body: { isAdmin: !m.isAdmin } })
                    }
                  >
                    {m.isAdmin ? 'Not team admin' : 'Make team admin'}
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={`Remove ${who} from the team`}
                    onClick={() => remove.mutate({ params: { id: teamId, userId: m.userId } })}
                  >
                    Remove
                  </Button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {canManage ? (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (adding)
              add.mutate(
                { params: { id: teamId }, body: { userId: adding } },
                { onSuccess: () => setAdding('') },
              );
          }}
        >
          <Select
            aria-label="Person to add"
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            className="min-w-0 flex-1"
          >
            <option value="">Add a person…</option>
            {addable.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
          <Button type="submit" disabled={!adding || add.isPending}>
            Add
          </Button>
        </form>
      ) : null}
      <ErrorMessage error={add.error ?? set.error ?? remove.error} />
    </div>
  );
}
