'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { IncidentDetail } from '@/lib/incidents/incident-schemas';
import { nextEscalationText } from './next-escalation';

/** Reloads the page this long after a step fell due, so the raised level (and the next one) show. */
const REFRESH_AFTER_DUE_MS = 5000;

/** "Next step L3 (SRE lead) in 4m", ticking every second; nothing when the incident no longer escalates. */
export function NextEscalationCountdown({
  next,
}: {
  next: Pick<NonNullable<IncidentDetail['nextEscalation']>, 'at' | 'level' | 'name'> | null;
}) {
  const router = useRouter();
  const [nowMs, setNowMs] = useState(() => Date.now());
  const refreshedFor = useRef<string | null>(null);
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    // Once per due time: when the scheduler has not moved it yet, the page does not reload in a loop.
    if (!next || refreshedFor.current === next.at) return;
    if (nowMs - Date.parse(next.at) < REFRESH_AFTER_DUE_MS) return;
    refreshedFor.current = next.at;
    router.refresh();
  }, [next, nowMs, router]);
  if (!next) return <span className="text-muted">none (not escalating)</span>;
  // The server's clock and the browser's differ by the time the page took to arrive: under a minute
  // the text shows seconds, which then differ between the two renders. The next tick corrects it.
  return (
    <span data-testid="next-escalation" title={next.at} suppressHydrationWarning>
      {nextEscalationText(next, nowMs)}
    </span>
  );
}
