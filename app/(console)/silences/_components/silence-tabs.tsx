import { type SilencesViewState, writeSilencesView } from '@/components/silences/view-state';
import { Link } from '@/components/ui/link';
import { SILENCE_STATES, type SilenceState } from '@/lib/incidents/silence-list';
import type { SilencesAnswer } from '@/lib/incidents/silence-schemas';

const LABELS: Record<SilenceState, string> = { active: 'Active', pending: 'Pending', expired: 'Expired' };

/**
 * Active / Pending / Expired, with how many of each match the filter. Links rather than buttons: each
 * tab is a URL that can be opened in a new tab or shared, and Back returns to the previous one.
 */
export function SilenceTabs({
  view,
  counts,
}: {
  view: SilencesViewState;
  counts?: SilencesAnswer['counts'];
}) {
  return (
    <nav aria-label="Silence states" className="flex gap-1 border-b border-border text-sm">
      {SILENCE_STATES.map((state) => {
        const current = state === view.state;
        const search = writeSilencesView({ ...view, state, id: null }).toString();
        return (
          <Link
            key={state}
            href={search ? `/silences?${search}` : '/silences'}
            scroll={false}
            aria-current={current ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-1.5 ${current ? 'border-accent font-medium text-fg' : 'border-transparent text-muted hover:text-fg'}`}
          >
            {LABELS[state]}{' '}
            <span className="text-xs text-muted" data-testid={`count-${state}`}>
              {counts ? counts[state] : '…'}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
