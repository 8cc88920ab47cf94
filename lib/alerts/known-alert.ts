import 'server-only';
import { db } from '@/lib/db';
import { alertParamsSchema } from './api-schema';
import { currentAlertIndex } from './query';

/**
 * Whether the alert page at this fingerprint has anything to show: the alert fires now, or has fired
 * here before (its history). One indexed look-up (alert_events' unique key starts with the
 * fingerprint). When the database does not answer the page is shown anyway: it says what it can.
 */
export async function isKnownAlert(fingerprint: string): Promise<boolean> {
  if (!alertParamsSchema.safeParse({ fingerprint }).success) return false;
  const { index } = await currentAlertIndex();
  for (const alerts of index.byFingerprint().values()) if (alerts.has(fingerprint)) return true;
  try {
    return (await db().alertEvent.findFirst({ where: { fingerprint }, select: { id: true } })) !== null;
  } catch {
    return true;
  }
}
