import { db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { searchHistoryOp } from '@/lib/history/api';
import { searchHistory } from '@/lib/history/search';
import { InvalidInputError, route } from '@/lib/http/route';

/**
 * Past and current firings by matchers and time range (lib/history/search.ts). Every refused input is a
 * 400 naming its field, the regex RE2 refuses (checked here, not by the browser-safe schema) included.
 */
export const GET = route(searchHistoryOp, async ({ query }) => {
  try {
    return await searchHistory(db(), query);
  } catch (error) {
    if (error instanceof ValidationError) throw new InvalidInputError(error.fields, 400, error.message);
    throw error;
  }
});
