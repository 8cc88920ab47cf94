import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { onCallCoverSchema } from '@/lib/schedules/cover-schema';
import { timeZoneSchema } from '@/lib/schedules/schedule-schemas';

/** People as the API sees them (client-safe): your own settings and anyone's profile. */

const iso = z.string().describe('ISO 8601 time');

export const updateMeSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .refine((b) => b.name !== undefined || b.timeZone !== undefined, {
    error: 'Send name, timeZone or both.',
  });
export type UpdateMeInput = z.output<typeof updateMeSchema>;

export const profileParamsSchema = z.object({ id: z.string().min(1) });

export const profileSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  timeZone: z.string(),
  teams: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), isAdmin: z.boolean() })),
  onCall: onCallCoverSchema
    .nullable()
    .describe(
      'On call now until `until`, when they stop being on call on any schedule (covers that overlap or meet are one); null when not',
    ),
  upcomingShifts: z
    .array(
      z.object({
        scheduleId: z.string(),
        scheduleName: z.string(),
        start: iso,
        end: iso.describe('Its real hand-off, unless `continues`'),
        continues: z
          .boolean()
          .describe(
            'True when the shift runs on past `end`, the end of the 35 days looked ahead beyond the 14: no hand-off is due by then',
          ),
        source: z.enum(['layer', 'override']),
      }),
    )
    .describe('Final shifts over the next 14 days on every schedule, by start'),
});
export type Profile = z.infer<typeof profileSchema>;
