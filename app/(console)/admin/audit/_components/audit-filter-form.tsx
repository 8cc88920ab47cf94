import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { Link } from '@/components/ui/link';

export type AuditFilterValues = {
  actor: string;
  action: string;
  target: string;
  from: string;
  to: string;
  success: string;
};

type Props = {
  values: AuditFilterValues;
  /** Every recorded action, and their families (`api_token.`) for filtering by prefix. */
  actions: string[];
  families: string[];
  errors: Record<string, string>;
};

/** `2026-01-31T09:00:00Z` → `2026-01-31T09:00:00`, the form a datetime-local control shows (UTC here). */
function controlTime(value: string): string {
  const ms = Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 19);
}

/**
 * A plain GET form: the filters live in the URL, so a filtered view can be shared and reloaded, and it
 * works without JavaScript.
 */
export function AuditFilterForm({ values, actions, families, errors }: Props) {
  // A value typed into the URL that is not among the recorded actions stays selectable.
  const known = new Set([...actions, ...families, '']);
  return (
    <form
      method="get"
      action="/admin/audit"
      aria-label="Filter the audit log"
      className="mb-4 grid grid-cols-1 items-end gap-3 sm:grid-cols-3 lg:grid-cols-7"
    >
      <Field id="audit-actor" label="Actor e-mail" error={errors.actor}>
        {(control) => <Input {...control} name="actor" defaultValue={values.actor} placeholder="alice@" />}
      </Field>
      <Field id="audit-action" label="Action" error={errors.action}>
        {(control) => (
          <Select {...control} name="action" defaultValue={values.action}>
            <option value="">any</option>
            {known.has(values.action) ? null : <option value={values.action}>{values.action}</option>}
            {families.length ? (
              <optgroup label="Every action of">
                {families.map((f) => (
                  <option key={f} value={f}>
                    {f}*
                  </option>
                ))}
              </optgroup>
            ) : null}
            {actions.length ? (
              <optgroup label="Action">
                {actions.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        )}
      </Field>
      <Field id="audit-target" label="Target" error={errors.target}>
        {(control) => <Input {...control} name="target" defaultValue={values.target} />}
      </Field>
      <Field id="audit-from" label="From (UTC)" error={errors.from}>
        {(control) => (
          <Input
            {...control}
            name="from"
            type="datetime-local"
            step={1}
            defaultValue={controlTime(values.from)}
          />
        )}
      </Field>
      <Field id="audit-to" label="To (UTC)" error={errors.to}>
        {(control) => (
          <Input
            {...control}
            name="to"
            type="datetime-local"
            step={1}
            defaultValue={controlTime(values.to)}
          />
        )}
      </Field>
      <Field id="audit-success" label="Outcome" error={errors.success}>
        {(control) => (
          <Select {...control} name="success" defaultValue={values.success}>
            <option value="">any</option>
            <option value="true">succeeded</option>
            <option value="false">failed</option>
          </Select>
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <Link href="/admin/audit" className="rounded-md px-3 py-1.5 text-sm text-muted hover:text-fg">
          Clear
        </Link>
      </div>
    </form>
  );
}
