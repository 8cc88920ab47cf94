'use client';

import { LocalTime } from '@/components/format/local-time';
import { useApiQuery } from '@/lib/api/query';
import { overviewOp } from '@/lib/overview/api';
import type { Overview } from '@/lib/overview/api-schema';
import { BannerList } from './banner-list';
import { RuleHealth } from './rule-health';
import { TargetsByJob } from './targets-by-job';
import { Tiles } from './tiles';

/** Tiles, banners, targets and rule health, refreshed every 10 s from Vigil's snapshots. */
export function OverviewLive({ initial }: { initial: Overview }) {
  // initialData makes data always defined; useApiQuery's type does not say so.
  const {
    data = initial,
    isError,
    dataUpdatedAt,
  } = useApiQuery(overviewOp, {}, { initialData: initial, refetchInterval: 10_000 });
  return (
    <div className="flex flex-col gap-4">
      {isError ? (
        <p role="alert" className="rounded-md border border-danger/40 p-3 text-sm text-danger">
          Vigil itself does not answer; showing what it said at{' '}
          <LocalTime at={dataUpdatedAt} precision="second" />.
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
