import { Badge } from '@/components/ui/badge';
import { Link } from '@/components/ui/link';
import type { AlertItem } from '@/lib/alerts/api-schema';

/** "INC-3", linked to the unresolved incident the alert is part of; nothing when it is in none. */
export function IncidentChip({ incident }: { incident: AlertItem['incident'] }) {
  if (!incident) return null;
  return (
    <Link
      href={`/incidents/${incident.ref}`}
      title={`Part of ${incident.ref}: ${incident.title}`}
      data-testid="incident-chip"
    >
      <Badge tone="danger">{incident.ref}</Badge>
    </Link>
  );
}
