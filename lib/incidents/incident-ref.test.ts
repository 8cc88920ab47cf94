import { describe, expect, it } from 'vitest';
import { incidentLabel, parseIncidentRef } from './incident-ref';

describe('parseIncidentRef', () => {
  it('reads INC-<n> as a number and anything else as an id', () => {
    expect(parseIncidentRef('INC-42')).toEqual({ number: 42 });
    expect(parseIncidentRef(' inc-7 ')).toEqual({ number: 7 });
    expect(parseIncidentRef('clx2a9k0000')).toEqual({ id: 'clx2a9k0000' });
    expect(parseIncidentRef('INC-99999999999')).toEqual({ id: 'INC-99999999999' });
    expect(incidentLabel(42)).toBe('INC-42');
  });
});
