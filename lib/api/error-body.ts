import { z } from 'zod';

/**
 * The error body of every API answer that is not a success (lib/errors.ts errorBody writes it): one
 * schema for the server, the OpenAPI document and the browser client.
 */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('unauthorized, forbidden, notfound, validation, upstream, internal…'),
    message: z.string().describe('What went wrong and what to do next'),
    fields: z.record(z.string(), z.string()).optional().describe('For validation errors: field → problem'),
    source: z.string().optional(),
    hint: z.string().optional(),
    existing: z
      .object({ id: z.string(), ref: z.string() })
      .optional()
      .describe(
        'For conflicts: what already exists, e.g. the incident an alert is part of ({id, ref: "INC-3"})',
      ),
  }),
});
