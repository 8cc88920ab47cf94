import { Suspense } from 'react';
import { OverviewLive } from '@/components/overview/overview-live';
import { PanelBoard } from '@/components/overview/panel-board';
import { ForbiddenNotice } from '@/components/shell/forbidden-notice';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { currentOverview } from '@/lib/overview/current';
import { visiblePanelGroups } from '@/lib/overview/panel-data';

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<{ forbidden?: string | string[] }>;
}) {
  const actor = await requirePageUser();
  const { forbidden } = await searchParams;
  const [overview, groups] = await Promise.all([currentOverview(), visiblePanelGroups().catch(() => [])]);
  return (
    <>
      <ForbiddenNotice needed={Array.isArray(forbidden) ? forbidden[0] : forbidden} current={actor.role} />
      <PageHeader
        title="Overview"
        description="What is broken right now, and how the systems behind it are doing."
      />
      <div className="flex flex-col gap-6">
        <OverviewLive initial={overview} />
        <Suspense>
          <PanelBoard groups={groups} />
        </Suspense>
      </div>
    </>
  );
}
