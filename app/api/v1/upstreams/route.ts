import { route } from '@/lib/http/route';
import { upstreamsOp } from '@/lib/overview/api';
import { upstreamHealth } from '@/lib/snapshots/upstream-health';

export const GET = route(upstreamsOp, () => upstreamHealth());
