import { describe, expect, it } from 'vitest';
import { plainMarkdownLine } from './plain-markdown';

describe('plainMarkdownLine', () => {
  it('drops emphasis, strikethrough and link syntax, keeping their text', () => {
    expect(plainMarkdownLine('**DB** is *really* ~~up~~ __down__, see [the graph](https://g/x)')).toBe(
      'DB is really up down, see the graph',
    );
    expect(plainMarkdownLine('![latency](https://g/r.png) and <https://g/d>')).toBe(
      'latency and https://g/d',
    );
  });

  it('drops line-start block markers: heading, quote, list, task box', () => {
    expect(plainMarkdownLine('## Root cause ##')).toBe('Root cause');
    expect(plainMarkdownLine('> quoted')).toBe('quoted');
    expect(plainMarkdownLine('- [x] restarted api')).toBe('restarted api');
    expect(plainMarkdownLine('2. second step')).toBe('second step');
  });

  it('keeps code span text exactly, underscores and stars included', () => {
    expect(plainMarkdownLine('ran `rm *_tmp_*` on **db-1**')).toBe('ran rm *_tmp_* on db-1');
  });

  it('leaves plain text alone: snake_case, a lone star, arithmetic, escaped markers', () => {
    expect(plainMarkdownLine('node_exporter on db_1 is 2 * 3 = 6')).toBe(
      'node_exporter on db_1 is 2 * 3 = 6',
    );
    expect(plainMarkdownLine('literal \\*stars\\* and \\_under\\_')).toBe('literal *stars* and _under_');
    expect(plainMarkdownLine('_api_ restarted')).toBe('api restarted');
  });
});
