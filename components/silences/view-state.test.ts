import { describe, expect, it } from 'vitest';
import { readSilencesView, silencedAlertsHref, silencesApiQuery, writeSilencesView } from './view-state';

describe('silences view state in the URL', () => {
  it('defaults to the Active tab and writes the default as nothing', () => {
    const view = readSilencesView(new URLSearchParams());
    expect(view).toEqual({ state: 'active', filter: '', creator: '', id: null });
    expect(writeSilencesView(view).toString()).toBe('');
    expect(silencesApiQuery(view)).toBe('state=active');
  });

  it('round-trips a shared view', () => {
    const url = 'state=expired&filter=alertname%3D%22X%22+disk&creator=alice%40example.com&id=abc';
    const view = readSilencesView(new URLSearchParams(url));
    expect(view).toEqual({
      state: 'expired',
      filter: 'alertname="X" disk',
      creator: 'alice@example.com',
      id: 'abc',
    });
    expect(writeSilencesView(view).toString()).toBe(url);
    expect(silencesApiQuery(view)).toBe(
      'state=expired&filter=alertname%3D%22X%22+disk&creator=alice%40example.com',
    );
  });

  it('falls back to Active for an unknown state', () => {
    expect(readSilencesView(new URLSearchParams('state=all')).state).toBe('active');
  });

  it("links to the alerts a silence mutes, in the alerts view's URL format", () => {
    const href = silencedAlertsHref('alertname="X", instance=~"db.*"');
    expect(href).toBe('/alerts?filter=alertname%3D%22X%22%2C+instance%3D%7E%22db.*%22&state=silenced');
    const params = new URL(href, 'http://vigil').searchParams;
    expect(params.get('filter')).toBe('alertname="X", instance=~"db.*"');
    expect(params.get('state')).toBe('silenced');
  });
});
