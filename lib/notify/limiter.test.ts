import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

describe('createLimiter', () => {
  it('gives each key its own slots and refuses past the limit', () => {
    const limiter = createLimiter(2);
    expect([limiter.acquire('chat'), limiter.acquire('chat'), limiter.acquire('chat')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.free('chat')).toBe(0);
    expect(limiter.free('mail')).toBe(2);
    expect(limiter.acquire('mail')).toBe(true);
    expect(limiter.inFlight()).toBe(3);
  });

  it('frees a slot on release, and never counts below zero', () => {
    const limiter = createLimiter(1);
    limiter.acquire('chat');
    limiter.release('chat');
    expect(limiter.free('chat')).toBe(1);
    limiter.release('chat');
    expect(limiter.free('chat')).toBe(1);
    expect(limiter.inFlight()).toBe(0);
  });
});
