import { notFound } from 'next/navigation';
import { levelLabel, repeatText, waitText } from '@/components/escalation/policy-text';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { requirePageUser } from '@/lib/auth';
import { config } from '@/lib/config/current';
import { NotFoundError } from '@/lib/errors';
import { getPolicy } from '@/lib/escalation/policies';
import type { PolicyView } from '@/lib/escalation/policy-schemas';
import { policyTargets } from '@/lib/escalation/targets';
import { teamChoices } from '@/lib/teams/access';
import { mayChange } from '@/lib/teams/team-choices';
import { listTeams } from '@/lib/teams/teams';
import { PolicyActions } from '../../_components/policy-actions';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return { title: `Escalation policy ${decodeURIComponent(id)}` };
}

/** One policy: its levels as ordered steps with whom each pages, the wait before the next, its repeat. */
export default async function PolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser();
  const { id } = await params;
  let policy: PolicyView;
  try {
    policy = await getPolicy(actor, decodeURIComponent(id));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const [targets, teams, choices] = await Promise.all([
    policyTargets(
      actor,
      config().channels.map((c) => ({ name: c.name, type: c.type })),
    ),
    listTeams(actor),
    teamChoices(actor),
  ]);
  const schedules = new Map(targets.schedules.map((s) => [s.id, s.name]));
  const users = new Map(targets.users.map((u) => [u.id, u.name]));
  const team = teams.find((t) => t.id === policy.teamId);
  const fromConfig = policy.managedBy === 'config';

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <Link href="/escalation" className="text-sm text-accent hover:underline">
        ← All policies
      </Link>
      <header className="flex flex-wrap items-center gap-2">
        <h1 className="break-words text-xl font-semibold">{policy.name}</h1>
        {policy.isDefault ? <Badge tone="accent">default</Badge> : null}
        {team ? <span className="text-sm text-muted">Team {team.name}</span> : null}
      </header>
      {policy.description ? <p className="text-sm">{policy.description}</p> : null}
      {fromConfig ? (
        <p role="note" className="rounded-md border border-border bg-surface px-3 py-2 text-sm">
          This policy comes from VIGIL_CONFIG (<code>escalation.levels</code>) and is read-only here: change
          the file and restart Vigil. Incidents whose route names no other policy use it.
        </p>
      ) : null}
      <Card title="Steps">
        <ol className="flex flex-col gap-3" data-testid="policy-steps">
          {policy.levels.map((l) => (
            <li key={l.level} className="flex flex-col gap-1 text-sm" data-testid="policy-step">
              <div className="flex flex-wrap items-baseline gap-2">
                <strong>{levelLabel(l)}</strong>
                <span className="text-muted">
                  {l.delaySeconds === 0
                    ? 'as the incident opens'
                    : `${waitText(l.delaySeconds)} after it opens`}
                </span>
              </div>
              <ul className="flex flex-wrap gap-x-3 gap-y-1">
                {l.scheduleIds.map((sid) => (
                  <li key={`s${sid}`}>
                    On call on{' '}
                    {schedules.has(sid) ? (
                      <Link href={`/schedules/${sid}`} className="text-accent hover:underline">
                        {schedules.get(sid)}
                      </Link>
                    ) : (
                      'an unknown schedule'
                    )}
                  </li>
                ))}
                {l.userIds.map((uid) => (
                  <li key={`u${uid}`}>{users.get(uid) ?? 'An unknown or disabled user'}</li>
                ))}
                {l.targets.map((c) => (
                  <li key={`c${c}`}>Channel {c}</li>
                ))}
              </ul>
              {l.waitBeforeNextSeconds !== null ? (
                <p className="text-muted" data-testid="wait-before-next">
                  ↓{' '}
                  {l.waitBeforeNextSeconds === 0
                    ? 'then at once'
                    : `then wait ${waitText(l.waitBeforeNextSeconds)}`}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
        <p className="mt-3 border-t border-border pt-3 text-sm" data-testid="policy-repeat">
          {repeatText(policy.repeat, policy.repeatAfterSeconds)} An acknowledgement stops it.
        </p>
      </Card>
      <p className="text-sm text-muted">
        {policy.routes === 0
          ? 'No route sends alerts to it.'
          : `${policy.routes === 1 ? '1 route sends' : `${policy.routes} routes send`} alerts to it (`}
        {policy.routes > 0 ? (
          <>
            <Link href="/escalation?tab=routes" className="text-accent hover:underline">
              see routes
            </Link>
            ).
          </>
        ) : null}
      </p>
      {!fromConfig && mayChange(choices, policy.teamId) ? (
        <PolicyActions policy={policy} choices={choices} />
      ) : null}
    </div>
  );
}
