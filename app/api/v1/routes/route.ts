import { route } from '@/lib/http/route';
import { createRouteOp, listRoutesOp } from '@/lib/routing/api';
import { createRoute, listRoutes } from '@/lib/routing/routes';

export const GET = route(listRoutesOp, async (_input, { actor }) => ({ routes: await listRoutes(actor) }));

export const POST = route(createRouteOp, async ({ body }, { actor }) => createRoute(actor, body));
