import { describe, expect, it } from 'vitest';
import { readSilencesView, silencesApiQuery, writeSilencesView } from './view-state';

describe('silences view state in the URL', () => {
  it('defaults to the Active tab and writes the default as nothing', () => {
    const view = readSilencesView(new URLSearchParams());
    expect(view).toEqual({ state: 'active', filter: '', creator: '', id: null, attention: null });
    expect(writeSilencesView(view).toString()).toBe('');
    expect(silencesApiQuery(view)).toEqual({ state: 'active' });
  });

  it('round-trips a shared view', () => {
    const url = 'state=expired&filter=alertname%3D%22X%22+disk&creator=alice%40example.com&id=abc';
    const view = readSilencesView(new URLSearchParams(url));
    expect(view).toEqual({
      state: 'expired',
      filter: 'alertname="X" disk',
      creator: 'alice@example.com',
      id: 'abc',
      attention: null,
    });
    expect(writeSilencesView(view).toString()).toBe(url);
    expect(silencesApiQuery(view)).toEqual({
      state: 'expired',
      filter: 'alertname="X" disk',
      creator: 'alice@example.com',
    });
  });

  it('keeps the "needs attention" choice and asks the API for it', () => {
    const view = readSilencesView(new URLSearchParams('attention=idle'));
    expect(view.attention).toBe('idle');
    expect(writeSilencesView(view).toString()).toBe('attention=idle');
    expect(silencesApiQuery(view)).toEqual({ state: 'active', attention: 'idle' });
    expect(readSilencesView(new URLSearchParams('attention=bogus')).attention).toBeNull();
  });

  it('falls back to Active for an unknown state', () => {
    expect(readSilencesView(new URLSearchParams('state=all')).state).toBe('active');
  });
});
