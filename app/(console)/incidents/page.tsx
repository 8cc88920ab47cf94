import { DeclareIncident } from '@/components/incidents/declare-incident';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';
import { ValidationError } from '@/lib/errors';
import {
  INCIDENT_STATUSES,
  type IncidentList,
  incidentListQuerySchema,
} from '@/lib/incidents/incident-schemas';
import { listIncidents } from '@/lib/incidents/incidents';
import { parseInput } from '@/lib/validation';
import { IncidentFilters } from './_components/incident-filters';
import { IncidentTable } from './_components/incident-table';

export const metadata = { title: 'Incidents' };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Incidents with filters (status, severity, text) and MTTA/MTTR, each and averaged over the list. */
export default async function IncidentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageUser();
  const raw = await searchParams;
  const filters = {
    status: first(raw.status) ?? 'all',
    severity: first(raw.severity) ?? '',
    q: first(raw.q) ?? '',
  };
  let list: IncidentList | undefined;
  let problem: string | undefined;
  try {
    const query = parseInput(incidentListQuerySchema, {
      status: filters.status,
      ...(filters.severity ? { severity: filters.severity } : {}),
      ...(filters.q ? { q: filters.q } : {}),
    });
    list = await listIncidents(actor, query);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problem = `${error.message} ${Object.entries(error.fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')}`;
  }
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Opened from alerts by hand or automatically, or declared; MTTA runs from opened to acknowledged, MTTR to resolved."
        actions={hasRole(actor.role, 'responder') ? <DeclareIncident /> : null}
      />
      <IncidentFilters values={filters} statuses={['all', 'active', ...INCIDENT_STATUSES]} />
      {problem ? (
        <p role="alert" className="mt-3 text-sm text-danger">
          {problem}
        </p>
      ) : list ? (
        <IncidentTable list={list} />
      ) : null}
    </>
  );
}
