import { describe, expect, it } from 'vitest';
import { apiQuery, readViewState, silencedAlertsHref, writeViewState } from './view-state';

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
    expect(apiQuery(readViewState(new URLSearchParams('offset=200')))).toEqual({
      filter: '',
      group_by: 'alertname',
      state: 'active,acknowledged',
      offset: 200,
      limit: 100,
    });
  });

  it('adds hidden matchers after what the user typed, without showing them in the URL', () => {
    const state = readViewState(new URLSearchParams('filter=job%3D%22api%22'));
    expect(apiQuery(state, 'alertname!="Watchdog"').filter).toBe('job="api" alertname!="Watchdog"');
    expect(apiQuery({ ...state, filter: '' }, 'alertname!="Watchdog"').filter).toBe('alertname!="Watchdog"');
    expect(writeViewState(state).get('filter')).toBe('job="api"');
  });

  it("links to the alerts a silence mutes, in the alerts view's URL format", () => {
    const href = silencedAlertsHref('alertname="X", instance=~"db.*"');
    expect(href).toBe('/alerts?filter=alertname%3D%22X%22%2C+instance%3D%7E%22db.*%22&state=silenced');
    const params = new URL(href, 'http://vigil').searchParams;
    expect(params.get('filter')).toBe('alertname="X", instance=~"db.*"');
    expect(params.get('state')).toBe('silenced');
  });
});
