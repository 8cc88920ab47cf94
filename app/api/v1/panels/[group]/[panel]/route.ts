import { route } from '@/lib/http/route';
import { panelOp } from '@/lib/overview/api';
import { panelData } from '@/lib/overview/panel-data';

/** One overview chart: `?range=1h|6h|24h|7d`. */
export const GET = route(panelOp, ({ params, query }) => panelData(params.group, params.panel, query.range));
