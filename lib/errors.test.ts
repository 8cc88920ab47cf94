import { describe, expect, it } from 'vitest';
import { sentence } from './errors';

describe('sentence', () => {
  it('ends a clause with a full stop', () => {
    expect(sentence('connection refused')).toBe('connection refused.');
  });

  it('keeps the end a sentence already has, so no message reads ".."', () => {
    expect(sentence('550 Mailbox unavailable.')).toBe('550 Mailbox unavailable.');
    expect(sentence('Nope! ')).toBe('Nope!');
    expect(sentence('Why?')).toBe('Why?');
  });
});
