import { route } from '@/lib/http/route';
import { getTabNotificationsOp, setTabNotificationsOp } from '@/lib/push/api';
import { getTabNotifications, setTabNotifications } from '@/lib/push/tab-notifications';

export const GET = route(getTabNotificationsOp, async (_input, { actor }) => getTabNotifications(actor));

export const PUT = route(setTabNotificationsOp, async ({ body }, { actor }) =>
  setTabNotifications(actor, body),
);
