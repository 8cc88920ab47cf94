import { route } from '@/lib/http/route';
import { createMaintenanceWindowOp, listMaintenanceWindowsOp } from '@/lib/maintenance/api';
import { createMaintenanceWindow, listMaintenanceWindows } from '@/lib/maintenance/windows';

export const GET = route(listMaintenanceWindowsOp, async (_, { actor }) => ({
  windows: await listMaintenanceWindows(actor),
}));

export const POST = route(createMaintenanceWindowOp, async ({ body }, { actor }) =>
  createMaintenanceWindow(actor, body),
);
