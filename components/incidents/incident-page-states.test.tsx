import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import IncidentLoading from '@/app/(console)/incidents/[id]/loading';
import ConsoleNotFound from '@/app/(console)/not-found';
import { NextEscalationCountdown } from './next-escalation-countdown';

/** The incident page's loading and not-found states, and its next-escalation line in each case. */

const navigation = vi.hoisted(() => ({ pathname: '/incidents/INC-99' }));
vi.mock('next/navigation', () => ({
  usePathname: () => navigation.pathname,
  useRouter: () => ({ refresh: () => {} }),
}));

describe('the incident page', () => {
  it('says it is loading while the incident is read', () => {
    expect(renderToStaticMarkup(<IncidentLoading />)).toContain('Loading the incident…');
  });

  it('says which incident does not exist and links back to the list', () => {
    const html = renderToStaticMarkup(<ConsoleNotFound />);
    expect(html).toContain('There is no incident INC-99.');
    expect(html).toContain('href="/incidents"');
    expect(html).toContain('All incidents');
  });

  it('shows the time to the next escalation step', () => {
    const at = new Date(Date.now() + 4 * 60_000 + 30_000).toISOString();
    const html = renderToStaticMarkup(
      <NextEscalationCountdown next={{ at, level: 3, name: 'L3 lead engineer' }} />,
    );
    expect(html).toMatch(/data-testid="next-escalation"[^>]*>Next step L3 lead engineer in [45]m</);
  });

  it('says when the incident no longer escalates', () => {
    expect(renderToStaticMarkup(<NextEscalationCountdown next={null} />)).toContain('none (not escalating)');
  });
});
