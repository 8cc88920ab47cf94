'use client';

import { type ReactNode, useState } from 'react';
import { Button } from '@/components/ui/button';
import { errorIdOf, Field, FieldError, Input } from '@/components/ui/field';
import { type ReportDays, rangeProblem } from './reports-url';

/**
 * The range picker: days in the report's zone, applied by Show. What is typed stays here until then;
 * the caller keys it by the applied range, so going back to another range shows that range's days.
 */
export function RangeForm({
  initial,
  zone,
  onApply,
  children,
}: {
  initial: ReportDays;
  zone: string;
  onApply: (days: ReportDays) => void;
  /** Said after the button: what the days are counted in. */
  children: ReactNode;
}) {
  const [days, setDays] = useState(initial);
  const filled = days.firstDay !== '' && days.lastDay !== '';
  // The API's own limits, so a range it would refuse is not sent to every report on the page.
  const problem = filled ? rangeProblem(days, zone) : undefined;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (filled && !problem) onApply(days);
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
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? errorIdOf('report-to') : undefined}
          onChange={(e) => setDays({ ...days, lastDay: e.target.value })}
        />
      </Field>
      <Button type="submit" disabled={!filled || problem !== undefined}>
        Show
      </Button>
      {children}
      {/* On a line of its own, under the row, so the fields stay aligned. */}
      {problem ? (
        <div className="basis-full">
          <FieldError id="report-to" error={problem} />
        </div>
      ) : null}
    </form>
  );
}
