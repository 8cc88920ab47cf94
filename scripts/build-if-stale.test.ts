import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourcesDigest } from './build-if-stale';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tree(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'vigil-digest-'));
  mkdirSync(path.join(dir, 'lib', 'generated'), { recursive: true });
  writeFileSync(path.join(dir, 'lib', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(dir, 'lib', 'generated', 'client.ts'), 'generated\n');
  return path.join(dir, 'lib');
}

describe('sourcesDigest', () => {
  it('changes with a file’s content even when its modification time goes back', () => {
    const lib = tree();
    const before = sourcesDigest([lib]);
    writeFileSync(path.join(lib, 'a.ts'), 'export const a = 2;\n');
    utimesSync(path.join(lib, 'a.ts'), new Date(0), new Date(0));
    expect(sourcesDigest([lib])).not.toBe(before);
  });

  it('changes with a new file, and not with generated code or a missing root', () => {
    const lib = tree();
    const before = sourcesDigest([lib, path.join(dir, 'nope.ts')]);
    writeFileSync(path.join(lib, 'generated', 'client.ts'), 'regenerated\n');
    expect(sourcesDigest([lib])).toBe(before);
    writeFileSync(path.join(lib, 'b.ts'), '');
    expect(sourcesDigest([lib])).not.toBe(before);
  });
});
