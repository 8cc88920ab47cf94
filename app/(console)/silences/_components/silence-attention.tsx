import { type SilencesViewState, writeSilencesView } from '@/components/silences/view-state';
import { Link } from '@/components/ui/link';
import { SILENCE_ATTENTION, type SilenceAttention } from '@/lib/incidents/silence-list';
import type { SilencesAnswer } from '@/lib/incidents/silence-schemas';

const LABELS: Record<SilenceAttention, (n: number) => string> = {
  expiring: (n) => `${n} end${n === 1 ? 's' : ''} soon while muting alerts`,
  'long-lived': (n) => `${n} long-lived`,
  idle: (n) => `${n} mute${n === 1 ? 's' : ''} nothing`,
};

/**
 * "Needs attention: 2 end soon while muting alerts · 1 long-lived · 3 mute nothing", each a link to
 * the active silences of that kind (and back to all of them). Nothing when every count is zero.
 */
export function SilenceAttentionLine({
  view,
  counts,
}: {
  view: SilencesViewState;
  counts?: SilencesAnswer['attention'];
}) {
  if (!counts) return null;
  const kinds = SILENCE_ATTENTION.filter((k) => counts[k] > 0 || view.attention === k);
  if (kinds.length === 0) return null;
  const href = (attention: SilenceAttention | null) => {
    const search = writeSilencesView({ ...view, state: 'active', id: null, attention }).toString();
    return search ? `/silences?${search}` : '/silences';
  };
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="silence-attention">
      <span className="font-medium">Needs attention:</span>
      {kinds.map((kind) => (
        <Link
          key={kind}
          href={href(view.attention === kind ? null : kind)}
          scroll={false}
          aria-current={view.attention === kind ? 'true' : undefined}
          className={`inline-flex min-h-11 items-center underline-offset-2 hover:underline sm:min-h-0 ${view.attention === kind ? 'font-semibold text-fg' : 'text-accent'}`}
        >
          {LABELS[kind](counts[kind])}
        </Link>
      ))}
      {view.attention ? (
        <Link
          href={href(null)}
          scroll={false}
          className="inline-flex min-h-11 items-center text-muted hover:underline sm:min-h-0"
        >
          Show all
        </Link>
      ) : null}
    </p>
  );
}
