import { describe, expect, it } from 'vitest';
import { storableLabels, storableText } from './storable-text';

describe('storableText', () => {
  it('replaces every U+0000 with U+FFFD and leaves other text as it is', () => {
    expect(storableText('db\u00001\u0000')).toBe('db\uFFFD1\uFFFD');
    expect(storableText('db-1 \u0001 é 🔥')).toBe('db-1 \u0001 é 🔥');
    expect(storableText('')).toBe('');
  });
});

describe('storableLabels', () => {
  it('rewrites names and values that hold U+0000, and keeps the order', () => {
    expect(storableLabels({ alertname: 'X', 'in\u0000st': 'db\u00001', job: 'node' })).toEqual({
      alertname: 'X',
      'in\uFFFDst': 'db\uFFFD1',
      job: 'node',
    });
    expect(Object.keys(storableLabels({ a: '1', b: '\u0000', c: '3' }))).toEqual(['a', 'b', 'c']);
  });

  it('returns the same object when nothing needs rewriting', () => {
    const labels = { alertname: 'X', instance: 'db-1' };
    expect(storableLabels(labels)).toBe(labels);
  });
});
