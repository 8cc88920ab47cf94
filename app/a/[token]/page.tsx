import type { Metadata } from 'next';
import { AcknowledgeLinkButton } from '@/components/actions/acknowledge-link-button';
import { IncidentStatusBadge, SeverityBadge } from '@/components/incidents/status-badge';
import { Link } from '@/components/ui/link';
import { type LinkIncident, readToken } from '@/lib/actions/link-state';
import { currentActor } from '@/lib/auth';

// The URL holds the token: no referrer leaves this page with it, and no search engine keeps it.
export const metadata: Metadata = {
  title: 'Incident',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

/**
 * The page a signed action link opens, on a phone first: the incident and, for an acknowledge link
 * that may act, one Acknowledge button. Opening it changes nothing (mail scanners fetch links); the
 * button's POST acts (POST /api/v1/actions/{token}). Outside the console layout and open without a
 * session (proxy.ts), since the fresh link is the credential.
 */
export default async function ActionLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await readToken(token, ['ack', 'open'], {
    session: await currentActor(),
    via: 'link',
    ip: null,
  });
  return (
    <main className="flex min-h-screen justify-center p-4 sm:items-center">
      <div className="w-full max-w-md space-y-4 rounded-lg border border-border bg-surface p-5">
        <p className="text-sm text-muted">Vigil</p>
        {state.kind === 'ready' && state.token.action === 'ack' ? (
          <AcknowledgeLinkButton
            token={token}
            incidentRef={state.incident.ref}
            card={<IncidentCard incident={state.incident} />}
            acknowledgedCard={<IncidentCard incident={{ ...state.incident, status: 'acknowledged' }} />}
          />
        ) : 'incident' in state ? (
          <IncidentCard incident={state.incident} />
        ) : null}
        {state.kind === 'ready' ? (
          state.token.action === 'ack' ? null : (
            <ConsoleLink incident={state.incident} />
          )
        ) : (
          <>
            <p role="status" className="text-sm">
              {state.message}
            </p>
            {state.kind === 'sign_in' ? (
              <Link
                href={`/signin?callbackUrl=${encodeURIComponent(`/a/${token}`)}`}
                className="inline-flex min-h-11 w-full items-center justify-center rounded-md bg-accent px-3 text-sm font-medium text-accent-fg"
              >
                Sign in to continue
              </Link>
            ) : 'incident' in state ? (
              <ConsoleLink incident={state.incident} />
            ) : null}
          </>
        )}
      </div>
    </main>
  );
}

function IncidentCard({ incident }: { incident: LinkIncident }) {
  return (
    <div className="space-y-2">
      <h1 className="text-lg font-semibold">
        {incident.ref} <span className="font-normal">{incident.title}</span>
      </h1>
      <div className="flex flex-wrap gap-2">
        <IncidentStatusBadge status={incident.status} />
        <SeverityBadge severity={incident.severity} />
      </div>
    </div>
  );
}

function ConsoleLink({ incident }: { incident: LinkIncident }) {
  return (
    <Link
      href={`/incidents/${incident.ref}`}
      className="inline-flex min-h-11 w-full items-center justify-center rounded-md border border-border px-3 text-sm font-medium"
    >
      Open {incident.ref} in the console
    </Link>
  );
}
