import { route } from '@/lib/http/route';
import { testRouteOp } from '@/lib/routing/api';
import { testRoute } from '@/lib/routing/routes';

export const POST = route(testRouteOp, async ({ body }, { actor }) => testRoute(actor, body.labels));
