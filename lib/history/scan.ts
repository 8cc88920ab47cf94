import 'server-only';
import { z } from 'zod';
import type { PrismaClient } from '@/lib/db/client';
import type { EventRow } from './firings';
import { type ScanSlice, scanQuery } from './scan-sql';

/** One slice of the history scan, as scanQuery describes it, read and checked. */
export async function scanEvents(client: PrismaClient, slice: ScanSlice): Promise<EventRow[]> {
  return z.array(rowSchema).parse(await client.$queryRaw<unknown[]>(scanQuery(slice)));
}

const rowSchema = z.object({
  cluster: z.string(),
  fingerprint: z.string(),
  alertname: z.string(),
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()),
  startsAt: z.date(),
  endsAt: z.date().nullable(),
});
