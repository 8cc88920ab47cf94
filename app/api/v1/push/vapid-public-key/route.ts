import { route } from '@/lib/http/route';
import { vapidPublicKeyOp } from '@/lib/push/api';
import { getVapidPublicKey } from '@/lib/push/vapid';

export const GET = route(vapidPublicKeyOp, async () => ({ publicKey: await getVapidPublicKey() }));
