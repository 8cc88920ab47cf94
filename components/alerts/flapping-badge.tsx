import { Badge } from '@/components/ui/badge';
import type { AlertItem } from '@/lib/alerts/api-schema';

/**
 * "flapping" on an alert that keeps firing and resolving, with how often on hover and for screen
 * readers: a flapping alert is usually a threshold to tune, not an outage to chase.
 */
export function FlappingBadge({ flapping }: { flapping: AlertItem['flapping'] }) {
  if (!flapping) return null;
  const minutes = Math.round(flapping.windowSeconds / 60);
  const span = minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
  const title = `Fired or resolved ${flapping.changes} times in the last ${span}`;
  return (
    <span title={title} data-testid="flapping-badge">
      <Badge tone="warn">flapping</Badge>
      <span className="sr-only">: {title}</span>
    </span>
  );
}
