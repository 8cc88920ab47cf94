import { describe, expect, it } from 'vitest';
import { apiQuery, readViewState, writeViewState } from './view-state';

describe('alerts view state in the URL', () => {
  it('reads defaults from an empty URL and writes them back as nothing', () => {
    const state = readViewState(new URLSearchParams());
    expect(state).toEqual({
      filter: '',
      groupBy: 'alertname',
      states: ['active', 'acknowledged'],
      offset: 0,
      alert: null,
    });
    expect(writeViewState(state).toString()).toBe('');
  });

  it('round-trips a shared view', () => {
    const url =
      'filter=severity%3D%22critical%22+disk&group_by=instance&state=active%2Csilenced&offset=100&alert=abc';
    const state = readViewState(new URLSearchParams(url));
    expect(state).toEqual({
      filter: 'severity="critical" disk',
      groupBy: 'instance',
      states: ['active', 'silenced'],
      offset: 100,
      alert: 'abc',
    });
    expect(writeViewState(state).toString()).toBe(url);
  });

  it('ignores unknown states and bad offsets', () => {
    expect(readViewState(new URLSearchParams('state=active,bogus&offset=-5'))).toMatchObject({
      states: ['active'],
      offset: 0,
    });
  });

  it('asks the API for one page', () => {
    expect(apiQuery(readViewState(new URLSearchParams('offset=200')))).toBe(
      'filter=&group_by=alertname&state=active%2Cacknowledged&offset=200&limit=100',
    );
  });
});
