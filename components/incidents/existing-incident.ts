import { ApiError } from '@/lib/api/client';

/**
 * Where "Open incident" should go instead when the API answered that an alert is already part of an
 * unresolved incident (409 with `error.existing`); null for any other failure. Pure.
 *
 *   existingIncidentHref(new ApiError(409, 'conflict', '…', {}, undefined, {id: 'c1', ref: 'INC-3'})) → '/incidents/INC-3'
 *   existingIncidentHref(new ApiError(422, 'validation', '…')) → null
 */
export function existingIncidentHref(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 409 || !error.existing) return null;
  return `/incidents/${encodeURIComponent(error.existing.ref)}`;
}
