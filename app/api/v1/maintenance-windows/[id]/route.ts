import { route } from '@/lib/http/route';
import { deleteMaintenanceWindowOp, updateMaintenanceWindowOp } from '@/lib/maintenance/api';
import { deleteMaintenanceWindow, updateMaintenanceWindow } from '@/lib/maintenance/windows';

export const PUT = route(updateMaintenanceWindowOp, async ({ params, body }, { actor }) =>
  updateMaintenanceWindow(actor, params.id, body),
);

export const DELETE = route(deleteMaintenanceWindowOp, async ({ params }, { actor }) =>
  deleteMaintenanceWindow(actor, params.id),
);
