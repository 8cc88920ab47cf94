'use client';

import { Link } from '@/components/ui/link';
import { useApiQuery } from '@/lib/api/query';
import { listSilencesOp } from '@/lib/incidents/silence-api';

/**
 * For responders, on every console page: silences that end soon while their alerts still fire (the
 * alerts would page again when they lapse), with a link to them. Read every minute from Vigil's own
 * snapshot, so any number of open consoles cost Alertmanager nothing.
 */
export function SilenceExpiryBanner() {
  const expiring = useApiQuery(
    listSilencesOp,
    { query: { state: 'active', attention: 'expiring' } },
    { refetchInterval: 60_000 },
  );
  const count = expiring.data?.silences.length ?? 0;
  if (count === 0) return null;
  return (
    <p
      role="status"
      className="mb-3 flex flex-wrap items-center gap-x-2 rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm"
      data-testid="silence-expiry-banner"
    >
      <span>
        {count === 1 ? '1 silence ends' : `${count} silences end`} soon while {count === 1 ? 'its' : 'their'}{' '}
        alerts still fire: they will notify again when it lapses.
      </span>
      <Link
        href="/silences?attention=expiring"
        className="inline-flex min-h-11 items-center font-medium text-accent hover:underline sm:min-h-0"
      >
        Review {count === 1 ? 'it' : 'them'}
      </Link>
    </p>
  );
}
