'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Segmented } from '@/components/ui/segmented';
import { dayRange, defaultDays } from '@/lib/reports/range-input';
import { type ReportQuery, ReportSection } from './report-section';

const BY = ['route', 'team', 'alert name'] as const;
const MEASURES = ['acknowledge', 'resolve'] as const;
const BY_REPORT = {
  route: 'incident-response-by-route',
  team: 'incident-response-by-team',
  'alert name': 'incident-response-by-alertname',
} as const;

/**
 * The noise reports over a range of days in the reader's zone (their profile's): until a range is
 * applied, the server's default (the current week and the three before it).
 */
export function ReportsView({ zone, nowMs }: { zone: string; nowMs: number }) {
  const [days, setDays] = useState(() => defaultDays(nowMs, zone));
  const [query, setQuery] = useState<ReportQuery>({ zone });
  const [by, setBy] = useState<(typeof BY)[number]>('route');
  const [measure, setMeasure] = useState<(typeof MEASURES)[number]>('acknowledge');
  const valid = days.firstDay !== '' && days.lastDay !== '' && days.firstDay <= days.lastDay;
  return (
    <div className="flex flex-col gap-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) setQuery({ ...dayRange(days.firstDay, days.lastDay, zone), zone });
        }}
      >
        <Field id="report-from" label="From">
          <Input
            id="report-from"
            type="date"
            value={days.firstDay}
            onChange={(e) => setDays({ ...days, firstDay: e.target.value })}
          />
        </Field>
        <Field id="report-to" label="To">
          <Input
            id="report-to"
            type="date"
            value={days.lastDay}
            onChange={(e) => setDays({ ...days, lastDay: e.target.value })}
          />
        </Field>
        <Button type="submit" disabled={!valid}>
          Show
        </Button>
        <p className="text-xs text-muted">
          Days, weeks (from Monday 00:00) and times in {zone}, your profile's time zone.
        </p>
      </form>
      <ReportSection name="noisiest-alerts" query={query} />
      <ReportSection name="noisiest-label-sets" query={query} />
      <ReportSection name="flapping" query={query} />
      <ReportSection
        name={BY_REPORT[by]}
        query={{ ...query, measure }}
        controls={
          <div className="flex flex-wrap gap-3">
            <Segmented name="response-by" legend="Group by" options={BY} value={by} onChange={setBy} />
            <Segmented
              name="response-measure"
              legend="Time to"
              options={MEASURES}
              value={measure}
              onChange={setMeasure}
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
