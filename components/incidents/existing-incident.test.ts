import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/client';
import { existingIncidentHref } from './existing-incident';

describe('existingIncidentHref', () => {
  it('goes to the incident a 409 names', () => {
    const conflict = new ApiError(409, 'conflict', 'already part of INC-3', {}, undefined, {
      id: 'c1',
      ref: 'INC-3',
    });
    expect(existingIncidentHref(conflict)).toBe('/incidents/INC-3');
  });

  it('leaves other failures to be shown', () => {
    expect(existingIncidentHref(new ApiError(409, 'conflict', 'taken'))).toBeNull();
    expect(existingIncidentHref(new ApiError(422, 'validation', 'not firing'))).toBeNull();
    expect(existingIncidentHref(new Error('network'))).toBeNull();
  });
});
