import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useHydrated } from './use-hydrated';

function Probe() {
  return <p>{useHydrated() ? 'client' : 'server'}</p>;
}

describe('useHydrated', () => {
  it('is false in the server render, so the HTML holds nothing the viewer’s browser would write differently', () => {
    expect(renderToString(<Probe />)).toBe('<p>server</p>');
  });
});
