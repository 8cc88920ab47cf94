import { route } from '@/lib/http/route';
import { recentLogsOp } from '@/lib/runbooks/api';
import { recentLogs } from '@/lib/runbooks/logs';

/** For runbooks' `<LogQL>`: the browser never talks to Loki itself. */
export const GET = route(recentLogsOp, async ({ query }, { actor }) => recentLogs(query, actor.id));
