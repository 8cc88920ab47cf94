'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { PanelChart } from '@/components/charts/panel-chart';
import { Segmented } from '@/components/ui/segmented';
import { isRangeKey, RANGES, type RangeKey } from '@/lib/overview/chart-range';

type Group = { id: string; title: string; panels: { id: string; title: string }[] };

/** The time-series boards with their range picker; the range lives in the URL so a view can be shared. */
export function PanelBoard({ groups }: { groups: Group[] }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const value = params.get('range');
  const range: RangeKey = isRangeKey(value) ? value : '1h';
  const choose = (next: RangeKey) => {
    const search = new URLSearchParams(params);
    search.set('range', next);
    router.replace(`${pathname}?${search}`, { scroll: false });
  };
  return (
    <section aria-labelledby="panels-heading" className="flex flex-col gap-4">
      <div className="flex items-center justify-between">
        <h2 id="panels-heading" className="text-lg font-semibold">
          Panels
        </h2>
        <Segmented
          name="range"
          legend="Time range"
          hideLegend
          options={Object.keys(RANGES) as RangeKey[]}
          value={range}
          onChange={choose}
        />
      </div>
      {groups.map((g) => (
        <div key={g.id}>
          <h3 className="mb-2 text-sm font-semibold text-muted">{g.title}</h3>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
            {g.panels.map((p) => (
              <PanelChart key={p.id} group={g.id} panel={p.id} title={p.title} range={range} />
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
