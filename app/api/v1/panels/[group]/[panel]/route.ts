import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { ValidationError } from '@/lib/errors';
import { isRangeKey } from '@/lib/overview/chart-range';
import { panelData } from '@/lib/overview/panel-data';

/** One overview chart: `?range=1h|6h|24h|7d`. */
export const GET = route<{ group: string; panel: string }>(
  '/api/v1/panels/[group]/[panel]',
  async (request, { params }) => {
    await requireActor();
    const range = new URL(request.url).searchParams.get('range') ?? '1h';
    if (!isRangeKey(range))
      throw new ValidationError('Unknown range.', { range: 'must be 1h, 6h, 24h or 7d' });
    const { group, panel } = await params;
    return panelData(group, panel, range);
  },
);
