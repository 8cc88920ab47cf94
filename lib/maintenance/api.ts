import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';
import {
  maintenanceListSchema,
  maintenanceParamsSchema,
  maintenanceSavedSchema,
  maintenanceWindowInputSchema,
} from './schemas';

/** The maintenance windows API (this module exports operations only; lib/openapi/operations.ts collects them). */

export const listMaintenanceWindowsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/maintenance-windows',
  tag: 'maintenance',
  summary:
    'Recurring maintenance windows, their next occurrences, silences and the alerts they would suppress now',
  role: 'viewer',
  response: { schema: maintenanceListSchema },
});

export const createMaintenanceWindowOp = defineOperation({
  method: 'POST',
  path: '/api/v1/maintenance-windows',
  tag: 'maintenance',
  summary: 'Create a maintenance window (wall-clock times in an IANA zone, an optional RRULE)',
  description:
    'Vigil creates an Alertmanager silence for each occurrence, in each chosen cluster, `leadSeconds` before it starts: once per occurrence, however many Vigil instances run.',
  role: 'responder',
  body: maintenanceWindowInputSchema,
  response: { schema: maintenanceSavedSchema, status: 201 },
  invalidates: ['maintenance', 'silences'],
  errors: { 409: 'Another window has that name' },
});

export const updateMaintenanceWindowOp = defineOperation({
  method: 'PUT',
  path: '/api/v1/maintenance-windows/{id}',
  tag: 'maintenance',
  summary: 'Replace a maintenance window',
  description:
    'Silences already made for occurrences that have not started are expired (the next pass makes them again from the new definition); `notExpired` lists any Alertmanager did not take back.',
  role: 'responder',
  params: maintenanceParamsSchema,
  body: maintenanceWindowInputSchema,
  response: { schema: maintenanceSavedSchema },
  invalidates: ['maintenance', 'silences'],
  errors: { 404: 'No such window', 409: 'Another window has that name' },
});

export const deleteMaintenanceWindowOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/maintenance-windows/{id}',
  tag: 'maintenance',
  summary: 'Delete a maintenance window',
  description:
    'Silences of occurrences that have not started are expired; one running now runs its course (expire it on the silences page to end it).',
  role: 'responder',
  params: maintenanceParamsSchema,
  response: { schema: z.object({ notExpired: z.array(z.string()) }) },
  invalidates: ['maintenance', 'silences'],
  errors: { 404: 'No such window' },
});
