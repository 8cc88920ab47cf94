import { Suspense } from 'react';
import { readSilencesView, silencesApiQuery } from '@/components/silences/view-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';
import { type SilencesAnswer, silencesQuerySchema } from '@/lib/incidents/silence-schemas';
import { listSilences } from '@/lib/incidents/silences';
import { MaintenanceWindows } from './_components/maintenance-windows';
import { SilencesView } from './_components/silences-view';

export const metadata = { title: 'Silences' };

export default async function SilencesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requirePageUser();
  const raw = await searchParams;
  const params = new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
  );
  const initialQuery = silencesApiQuery(readSilencesView(params));
  // The first view is rendered with data; a bad filter is reported by the client, which asks again.
  let initial: SilencesAnswer | undefined;
  try {
    initial = await listSilences(actor, silencesQuerySchema.parse(initialQuery));
  } catch {
    initial = undefined;
  }
  return (
    <>
      <PageHeader
        title="Silences"
        description="Every silence Alertmanager holds, made in Vigil or elsewhere (amtool, Alertmanager's own UI)."
      />
      <MaintenanceWindows canAct={hasRole(actor.role, 'responder')} />
      <Suspense>
        <SilencesView
          initial={initial}
          initialQuery={initialQuery}
          canAct={hasRole(actor.role, 'responder')}
        />
      </Suspense>
    </>
  );
}
