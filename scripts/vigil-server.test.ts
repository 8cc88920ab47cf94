import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './vigil-server';

describe('the console server the tests, the demo and the bench start', () => {
  it('runs with the same Node flags as npm start', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
    expect(scripts.start).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} node_modules/next/dist/bin/next start`);
  });
});
