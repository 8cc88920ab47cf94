import type { z } from 'zod';
import { ValidationError } from '@/lib/errors';

/**
 * Parses untrusted input (a JSON body, form data, a server action's argument) or throws a
 * ValidationError whose `fields` map each bad field to its message, e.g. `{name: 'Give the token a name'}`.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || 'input'] ??= issue.message;
  throw new ValidationError('Some fields are invalid.', fields);
}
