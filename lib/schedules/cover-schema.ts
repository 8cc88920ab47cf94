import { z } from 'zod';

const iso = z.string().describe('ISO 8601 time');

/**
 * Someone's cover now, across schedules (lib/schedules/cover.ts): shared by the profile and GET /me,
 * which leaves `since` out.
 */
export const onCallCoverSchema = z.object({
  scheduleId: z.string(),
  scheduleName: z.string(),
  since: iso,
  until: iso,
  continues: z
    .boolean()
    .describe('No moment off call within the 35 days looked ahead: `until` is not a hand-off'),
  schedules: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe(
      'Every schedule the person is on call on from now to `until`, by when that starts; the first is `scheduleId`',
    ),
});
