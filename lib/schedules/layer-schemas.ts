import { z } from 'zod';

/**
 * The parts of a schedule layer that are stored as loose strings or JSON (rotation, "HH:MM", restriction
 * windows), checked with the same schemas when the API writes them and when load.ts reads them back.
 * Safe for the browser.
 */

const ROTATIONS = ['daily', 'weekly', 'hours', 'days'] as const;
export const rotationSchema = z.enum(ROTATIONS);

/** "09:00", "23:59"; "24:00" is not a time of day. */
export const hhmmSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time "HH:MM", e.g. "09:00".');

const restrictionSchema = z.strictObject({
  days: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .describe('ISO weekdays, 1 = Monday … 7 = Sunday'),
  from: hhmmSchema,
  to: hhmmSchema.describe('At or before `from`: the window runs past midnight into the next day.'),
});

export const restrictionsSchema = z.array(restrictionSchema).max(14);
