'use client';

import { useSearchParams } from 'next/navigation';
import { useLocalZone } from '@/components/format/use-time-zone';
import { Link } from '@/components/ui/link';
import { Segmented } from '@/components/ui/segmented';
import { defaultDays } from '@/lib/reports/range-input';
import { RangeForm } from './range-form';
import { ReportSection } from './report-section';
import {
  REPORT_MEASURES,
  type ReportGrouping,
  type ReportsSearch,
  readReportsSearch,
  reportsApiQuery,
  reportsHref,
} from './reports-url';

/** The "Group by" switch's words, and the URL's (`by=alertname`). */
const BY_LABEL = { route: 'route', team: 'team', alertname: 'alert name' } as const;
const BY_OF_LABEL = { route: 'route', team: 'team', 'alert name': 'alertname' } as const;
const BY_REPORT = {
  route: 'incident-response-by-route',
  team: 'incident-response-by-team',
  alertname: 'incident-response-by-alertname',
} as const satisfies Record<ReportGrouping, string>;

/**
 * The noise reports over a range of days in the reader's zone or the link's. The reader's zone is the one
 * the rest of the console writes times in (their profile's, else the browser's: useLocalZone), so a week
 * here starts when the alerts list says it does; `profileZone` stands in while the browser's is not known
 * (the server's render). The URL is the state (reports-url.ts): until a range is applied, the server's
 * default (the current week and the three before it).
 */
export function ReportsView({ profileZone, nowMs }: { profileZone: string; nowMs: number }) {
  const local = useLocalZone();
  const readerZone = local?.zone ?? profileZone;
  const yours = local?.source === 'browser' ? "this browser's time zone" : "your profile's time zone";
  const { search, notes } = readReportsSearch(useSearchParams(), readerZone);
  const zone = search.zone ?? readerZone;
  const query = reportsApiQuery(search, readerZone);
  // A shallow URL change (Next keeps useSearchParams in step with the History API): the reports are
  // read from their API, so a server render of the page per choice would only delay them. A new range
  // is a step Back returns from; a switch is not.
  const go = (next: ReportsSearch, how: 'pushState' | 'replaceState') =>
    window.history[how](null, '', reportsHref(next));
  const applied = search.days ?? defaultDays(nowMs, zone);
  return (
    <div className="flex flex-col gap-4">
      {notes.length > 0 ? (
        <div role="status" className="text-sm text-warn" data-testid="reports-url-notes">
          <p>Parts of this address were ignored:</p>
          <ul className="list-disc pl-5">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <RangeForm
        key={`${zone} ${applied.firstDay} ${applied.lastDay}`}
        initial={applied}
        zone={zone}
        onApply={(days) => go({ ...search, days, zone }, 'pushState')}
      >
        <p className="text-xs text-muted">
          Days, weeks (from Monday 00:00) and times in {zone}
          {zone === readerZone ? (
            `, ${yours}.`
          ) : (
            <>
              , the link's time zone; yours is {readerZone}.{' '}
              <Link
                prefetch={false}
                href={reportsHref({ ...search, zone: search.days ? readerZone : undefined })}
                className="text-accent underline"
              >
                Count them in {readerZone}
              </Link>
            </>
          )}
        </p>
      </RangeForm>
      <ReportSection name="noisiest-alerts" query={query} />
      <ReportSection name="noisiest-label-sets" query={query} />
      <ReportSection name="flapping" query={query} />
      <ReportSection
        name={BY_REPORT[search.by]}
        query={{ ...query, measure: search.measure }}
        controls={
          <div className="flex flex-wrap gap-3">
            <Segmented
              name="response-by"
              legend="Group by"
              options={Object.values(BY_LABEL)}
              value={BY_LABEL[search.by]}
              onChange={(label) => go({ ...search, by: BY_OF_LABEL[label] }, 'replaceState')}
            />
            <Segmented
              name="response-measure"
              legend="Time to"
              options={REPORT_MEASURES}
              value={search.measure}
              onChange={(measure) => go({ ...search, measure }, 'replaceState')}
            />
          </div>
        }
      />
      <ReportSection name="alert-acknowledgement" query={query} />
      <ReportSection name="never-acknowledged" query={query} />
      <ReportSection name="no-runbook" query={query} />
    </div>
  );
}
