import { Card } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { auditExportOp } from '@/lib/admin/api';
import { actionFamilies, distinctActions, listAuditLog } from '@/lib/admin/audit-log';
import { type AuditPage, auditQuerySchema } from '@/lib/admin/audit-schema';
import { pathOf } from '@/lib/api/operation';
import { requirePageUser } from '@/lib/auth';
import { ValidationError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { AuditFilterForm, type AuditFilterValues } from './_components/audit-filter-form';
import { AuditTable } from './_components/audit-table';

export const metadata = { title: 'Audit log' };

const FILTERS = ['actor', 'action', 'target', 'from', 'to', 'success'] as const;

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageUser('admin');
  const raw = await searchParams;
  const param = (key: string) => {
    const value = raw[key];
    return (Array.isArray(value) ? value[0] : value) ?? '';
  };
  const values = Object.fromEntries(FILTERS.map((k) => [k, param(k)])) as AuditFilterValues;
  // Only the filters that are set go into the paging and export links, so URLs stay short.
  const filters = new URLSearchParams(FILTERS.flatMap((k) => (values[k] ? [[k, values[k]]] : [])));
  const cursor = param('cursor');
  const limit = param('limit');

  const [actions, result] = await Promise.all([
    distinctActions(actor),
    // parseInput throws inside the promise chain, so invalid filters land in the handler below.
    Promise.resolve()
      .then(() =>
        listAuditLog(actor, parseInput(auditQuerySchema, { ...values, cursor, ...(limit ? { limit } : {}) })),
      )
      .then(
        (page): { page: AuditPage; errors?: undefined } => ({ page }),
        (e: unknown) => {
          if (e instanceof ValidationError) return { page: undefined, errors: e.fields };
          throw e;
        },
      ),
  ]);

  const older = new URLSearchParams(filters);
  if (limit) older.set('limit', limit);
  if (result.page?.nextCursor) older.set('cursor', result.page.nextCursor);
  const newest = new URLSearchParams(older);
  newest.delete('cursor');
  const href = (path: string, query: URLSearchParams) => (query.size ? `${path}?${query}` : path);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in Vigil: who, what, when and from which address. Times are in your time zone (UTC on hover, or everywhere by the switch in the user menu)."
        actions={
          result.page ? (
            <a
              href={href(pathOf(auditExportOp), filters)}
              download
              className="rounded-md border border-border bg-surface px-3 py-1.5 text-sm font-medium hover:bg-bg"
            >
              Export CSV
            </a>
          ) : null
        }
      />
      <Card>
        <AuditFilterForm
          values={values}
          actions={actions}
          families={actionFamilies(actions)}
          errors={result.errors ?? {}}
        />
        {result.page ? (
          <>
            <AuditTable entries={result.page.entries} />
            <nav aria-label="Audit log pages" className="mt-3 flex justify-end gap-4 text-sm">
              {cursor ? (
                <Link href={href('/admin/audit', newest)} className="text-accent hover:underline">
                  ← Newest
                </Link>
              ) : null}
              {result.page.nextCursor ? (
                <Link href={href('/admin/audit', older)} className="text-accent hover:underline">
                  Older →
                </Link>
              ) : null}
            </nav>
          </>
        ) : (
          <p role="alert" className="text-sm text-danger">
            Nothing is listed until the filters are valid:{' '}
            {Object.entries(result.errors)
              .map(([field, message]) => `${field}: ${message}`)
              .join('; ')}
          </p>
        )}
      </Card>
    </>
  );
}
