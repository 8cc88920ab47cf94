import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';

/**
 * The list's filters as a plain GET form: the URL holds the filters (shareable, back button works) and
 * no client code is needed.
 */
export function IncidentFilters({
  values,
  statuses,
}: {
  values: { status: string; severity: string; q: string };
  statuses: readonly string[];
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter incidents">
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-status" className="text-sm font-medium">
          Status
        </label>
        <Select id="filter-status" name="status" defaultValue={values.status} className="w-40">
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-severity" className="text-sm font-medium">
          Severity
        </label>
        <Input
          id="filter-severity"
          name="severity"
          defaultValue={values.severity}
          placeholder="critical"
          className="w-36"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-q" className="text-sm font-medium">
          Text
        </label>
        <Input id="filter-q" name="q" defaultValue={values.q} placeholder="title or INC-7" className="w-64" />
      </div>
      <Button type="submit">Filter</Button>
    </form>
  );
}
