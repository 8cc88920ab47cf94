import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';

/**
 * The props Link gives next/link, read from the element it returns (the unit project has no DOM; the
 * prefetch itself, in Chromium, is e2e/navigation.spec.ts). useState is a stand-in whose setter is spied.
 */
const setWanted = vi.fn();
let wanted = false;
vi.mock('react', async (original) => ({
  ...(await original<typeof import('react')>()),
  useState: () => [wanted, setWanted],
}));
const { Link } = await import('./link');

type Props = {
  prefetch: boolean | null;
  onFocus: (e: unknown) => void;
  onPointerEnter: (e: unknown) => void;
  onTouchStart: (e: unknown) => void;
};
const propsOf = (element: ReactElement) => element.props as Props;

describe('Link', () => {
  it('prefetches nothing until someone reaches for it, then what Next would', () => {
    wanted = false;
    expect(propsOf(Link({ href: '/incidents' })).prefetch).toBe(false);
    wanted = true;
    expect(propsOf(Link({ href: '/incidents' })).prefetch).toBeNull();
  });

  it('wants its page on pointer, focus and touch, and still runs the handlers it was given', () => {
    wanted = false;
    const onFocus = vi.fn();
    const props = propsOf(Link({ href: '/incidents', onFocus }));
    for (const handler of [props.onPointerEnter, props.onFocus, props.onTouchStart]) {
      setWanted.mockClear();
      handler('event');
      expect(setWanted).toHaveBeenCalledWith(true);
    }
    expect(onFocus).toHaveBeenCalledExactlyOnceWith('event');
  });

  it('with prefetch={false}, never prefetches, whatever happens to it', () => {
    wanted = false;
    setWanted.mockClear();
    const props = propsOf(Link({ href: '/alerts', prefetch: false }));
    props.onPointerEnter('event');
    props.onFocus('event');
    expect(setWanted).not.toHaveBeenCalled();
    expect(props.prefetch).toBe(false);
  });
});
