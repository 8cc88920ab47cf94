import { describe, expect, it } from 'vitest';
import { endpointOf } from './observe';

describe('endpointOf', () => {
  it('replaces ids and label names so metric labels stay bounded', () => {
    expect(endpointOf('/api/v2/silence/2f1c6a3e-7d1b-4a51-9b5e-0a8f1c2d3e4f')).toBe('/api/v2/silence/:id');
    expect(endpointOf('/loki/api/v1/label/job/values')).toBe('/loki/api/v1/label/:name/values');
    expect(endpointOf('/api/v1/label/__name__/values')).toBe('/api/v1/label/:name/values');
    expect(endpointOf('/api/v2/alerts')).toBe('/api/v2/alerts');
  });
});
