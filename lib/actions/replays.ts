import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { SLACK_MAX_SKEW_SECONDS } from './slack-signature';

/**
 * Refusing replays of signed Slack requests: a signature is remembered (its SHA-256; the primary key
 * makes two instances agree) for as long as its timestamp is acceptable, so the same request sent
 * again within those minutes is seen, and is refused by its timestamp after that. Rows older than
 * twice the window are deleted as requests arrive: the table stays a few minutes' worth of presses.
 */
export async function firstSeen(signature: string, now: Date = new Date()): Promise<boolean> {
  const hash = createHash('sha256').update(signature).digest('hex');
  const cutoff = new Date(now.getTime() - 2 * SLACK_MAX_SKEW_SECONDS * 1000);
  await db().chatRequestReceipt.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  const inserted = await db().$executeRaw`
    INSERT INTO chat_request_receipts (signature_hash, received_at) VALUES (${hash}, ${now})
    ON CONFLICT (signature_hash) DO NOTHING`;
  return inserted === 1;
}
