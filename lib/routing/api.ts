import { defineOperation } from '@/lib/api/operation';
import {
  createRouteSchema,
  reorderRoutesSchema,
  routeDeletedSchema,
  routeListSchema,
  routeParamsSchema,
  routeSchema,
  routeTestResultSchema,
  routeTestSchema,
  updateRouteSchema,
} from './route-schemas';

/** The routes API (this module exports operations only; lib/openapi/operations.ts collects them). */

const ROUTE_WRITE = 'An admin, or an admin of the route’s team (before and after the change), may do this.';

export const listRoutesOp = defineOperation({
  method: 'GET',
  path: '/api/v1/routes',
  tag: 'escalation',
  summary: 'Routes in the order they are tried (first match wins), the default route last',
  role: 'viewer',
  response: { schema: routeListSchema },
});

export const createRouteOp = defineOperation({
  method: 'POST',
  path: '/api/v1/routes',
  tag: 'escalation',
  summary: 'Create a route (tried after the existing ones, before the default)',
  description: `Matchers are Prometheus/Alertmanager matchers on the alert's labels (\`=\`, \`!=\`, \`=~\`, \`!~\`, RE2 regexes anchored as Alertmanager anchors them). ${ROUTE_WRITE}`,
  role: 'responder',
  body: createRouteSchema,
  response: { schema: routeSchema, status: 201 },
  invalidates: ['escalation'],
  errors: { 409: 'A route with this name exists' },
});

export const updateRouteOp = defineOperation({
  method: 'PATCH',
  path: '/api/v1/routes/{id}',
  tag: 'escalation',
  summary: 'Change a route (the default route keeps no matchers)',
  description: ROUTE_WRITE,
  role: 'responder',
  params: routeParamsSchema,
  body: updateRouteSchema,
  response: { schema: routeSchema },
  invalidates: ['escalation'],
  errors: { 404: 'No such route', 409: 'The name is taken' },
});

export const deleteRouteOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/routes/{id}',
  tag: 'escalation',
  summary: 'Delete a route (not the default route)',
  description: ROUTE_WRITE,
  role: 'responder',
  params: routeParamsSchema,
  response: { schema: routeDeletedSchema },
  invalidates: ['escalation'],
  errors: { 404: 'No such route', 409: 'The default route cannot be deleted' },
});

export const reorderRoutesOp = defineOperation({
  method: 'PUT',
  path: '/api/v1/routes/order',
  tag: 'escalation',
  summary: 'Set the order routes are tried in (every route but the default, first tried first)',
  role: 'admin',
  body: reorderRoutesSchema,
  response: { schema: routeListSchema },
  invalidates: ['escalation'],
});

export const testRouteOp = defineOperation({
  method: 'POST',
  path: '/api/v1/routes/test',
  tag: 'escalation',
  summary: 'Which route, team and policy an alert with these labels would take',
  description:
    'Answers as auto-open decides: the first route by position whose matchers all match, else the default route; with the matchers that matched, whether it opens an incident, and its urgency. Changes nothing.',
  role: 'viewer',
  body: routeTestSchema,
  response: { schema: routeTestResultSchema },
});
