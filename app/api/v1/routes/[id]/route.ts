import { route } from '@/lib/http/route';
import { deleteRouteOp, updateRouteOp } from '@/lib/routing/api';
import { deleteRoute, updateRoute } from '@/lib/routing/routes';

export const PATCH = route(updateRouteOp, async ({ params, body }, { actor }) =>
  updateRoute(actor, params.id, body),
);

export const DELETE = route(deleteRouteOp, async ({ params }, { actor }) => {
  await deleteRoute(actor, params.id);
  return { deleted: true as const };
});
