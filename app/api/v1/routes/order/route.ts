import { route } from '@/lib/http/route';
import { reorderRoutesOp } from '@/lib/routing/api';
import { reorderRoutes } from '@/lib/routing/routes';

export const PUT = route(reorderRoutesOp, async ({ body }, { actor }) => ({
  routes: await reorderRoutes(actor, body.ids),
}));
