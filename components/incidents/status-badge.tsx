import { Badge, type Tone } from '@/components/ui/badge';
import type { IncidentStatus } from '@/lib/incidents/incident-schemas';

const TONE: Record<IncidentStatus, Tone> = {
  open: 'danger',
  acknowledged: 'warn',
  mitigated: 'accent',
  resolved: 'ok',
};

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return <Badge tone={TONE[status]}>{status}</Badge>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  const tone: Tone = severity === 'critical' ? 'danger' : severity === 'warning' ? 'warn' : 'neutral';
  return <Badge tone={tone}>{severity}</Badge>;
}
