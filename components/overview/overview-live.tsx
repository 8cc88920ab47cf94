'use client';

import { useQuery } from '@tanstack/react-query';
import type { Overview } from '@/lib/overview/build-overview';
import { BannerList } from './banner-list';
import { RuleHealth } from './rule-health';
import { TargetsByJob } from './targets-by-job';
import { Tiles } from './tiles';

async function fetchOverview(): Promise<Overview> {
  const res = await fetch('/api/v1/overview');
  if (!res.ok) throw new Error(`Vigil answered ${res.status}`);
  return res.json();
}

/** Tiles, banners, targets and rule health, refreshed every 10 s from Vigil's snapshots. */
export function OverviewLive({ initial }: { initial: Overview }) {
  const { data, isError, dataUpdatedAt } = useQuery({
    queryKey: ['overview'],
    queryFn: fetchOverview,
    initialData: initial,
    refetchInterval: 10_000,
  });
  return (
    <div className="flex flex-col gap-4">
      {isError ? (
        <p role="alert" className="rounded-md border border-danger/40 p-3 text-sm text-danger">
          Vigil itself does not answer; showing what it said at {new Date(dataUpdatedAt).toLocaleTimeString()}
          .
        </p>
      ) : null}
      <BannerList banners={data.banners} />
      <Tiles overview={data} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <TargetsByJob targets={data.targets} />
        <RuleHealth rules={data.rules} />
      </div>
    </div>
  );
}
