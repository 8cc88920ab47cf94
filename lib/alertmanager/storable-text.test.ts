import { describe, expect, it } from 'vitest';
import { storableLabels, storableText } from './storable-text';

describe('storableText', () => {
  it('replaces every U+0000 with U+FFFD and leaves other text as it is', () => {
    expect(storableText('db\u00001\u0000')).toBe('db\uFFFD1\uFFFD');
    expect(storableText('db-1 \u0001 é 🔥')).toBe('db-1 \u0001 é 🔥');
    expect(storableText('')).toBe('');
  });

  it('replaces a lone surrogate with U+FFFD and keeps surrogate pairs', () => {
    expect(storableText('db\uD8001')).toBe('db\uFFFD1');
    expect(storableText('\uDC00x\u0000')).toBe('\uFFFDx\uFFFD');
    expect(storableText('🔥 \uD83D\uDD25')).toBe('🔥 🔥');
  });

  it('makes text that JSON.stringify writes and PostgreSQL JSON input reads back the same', () => {
    for (const text of ['a\uD800', '\uDFFFb', 'x\u0000y', 'é 🔥 "q" \\ \n']) {
      const stored = storableText(text);
      expect(JSON.stringify(stored)).not.toMatch(/\\u(d[89a-f]|0000)/i);
      expect(JSON.parse(JSON.stringify(stored))).toBe(stored);
    }
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

  it('rewrites names and values that hold a lone surrogate', () => {
    expect(storableLabels({ alertname: 'X', instance: 'db\uD800', '\uDC00': 'v' })).toEqual({
      alertname: 'X',
      instance: 'db\uFFFD',
      '\uFFFD': 'v',
    });
  });

  it('returns the same object when nothing needs rewriting', () => {
    const labels = { alertname: 'X', instance: 'db-1' };
    expect(storableLabels(labels)).toBe(labels);
  });
});
