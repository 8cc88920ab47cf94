import { describe, expect, it } from 'vitest';
import { hostOf, missingLabels, quotedQueryValue, resolveQuery, shellWord, substitute } from './substitute';

const XSS = '<img src=x onerror=alert(1)>';

describe('substitute', () => {
  it('replaces known labels and leaves unknown placeholders for the reader', () => {
    expect(substitute('up{instance="{labels.instance}"}', { instance: 'db-1:9100' })).toBe(
      'up{instance="db-1:9100"}',
    );
    expect(substitute('df -h {labels.mountpoint}', {})).toBe('df -h {labels.mountpoint}');
    expect(substitute('{labels.a}{labels.a}', { a: 'x' })).toBe('xx');
  });

  it('applies the host filter', () => {
    expect(substitute('ssh {labels.instance|host}', { instance: 'db-1:9100' })).toBe('ssh db-1');
  });

  it('leaves PromQL braces and shell %{} alone', () => {
    expect(substitute("curl -w '%{http_code}' {labels.x}", { x: 'h' })).toBe("curl -w '%{http_code}' h");
    expect(substitute('sum by (job) (up{job="api"})', { job: 'x' })).toBe('sum by (job) (up{job="api"})');
  });

  it('does not read inherited properties as labels', () => {
    expect(substitute('{labels.constructor}', {})).toBe('{labels.constructor}');
  });

  it('returns markup in a value as the same characters: rendering decides, and React renders text', () => {
    expect(substitute('host {labels.instance}', { instance: XSS })).toBe(`host ${XSS}`);
  });
});

describe('escaping', () => {
  it('keeps a value inside a double-quoted query string', () => {
    expect(substitute('up{instance="{labels.i}"}', { i: 'a"} or vector(1) #\\' }, quotedQueryValue)).toBe(
      'up{instance="a\\"} or vector(1) #\\\\"}',
    );
  });

  it('turns a value with shell syntax into one quoted word', () => {
    expect(shellWord('db-1.example.com:9100')).toBe('db-1.example.com:9100');
    expect(shellWord('/var/lib')).toBe('/var/lib');
    expect(shellWord('x; rm -rf /')).toBe("'x; rm -rf /'");
    expect(shellWord("it's $(id)")).toBe("'it'\\''s $(id)'");
    expect(substitute('ssh {labels.instance|host}', { instance: '$(reboot):22' }, shellWord)).toBe(
      "ssh '$(reboot)'",
    );
  });
});

describe('hostOf', () => {
  it.each([
    ['db-1:9100', 'db-1'],
    ['db-1', 'db-1'],
    ['[::1]:9100', '::1'],
    ['http://api.internal:8080/health', 'api.internal'],
    ['127.0.0.1:41235', '127.0.0.1'],
  ])('%s → %s', (value, host) => {
    expect(hostOf(value)).toBe(host);
  });
});

describe('missingLabels and resolveQuery', () => {
  it('lists labels the template needs that the alert lacks, once each', () => {
    expect(missingLabels('{job="{labels.job}",x="{labels.x}",y="{labels.x|host}"}', { job: 'api' })).toEqual([
      'x',
    ]);
  });

  it('runs the query with the labels, else the fallback, else nothing', () => {
    const q = 'up{instance="{labels.instance}"}';
    expect(resolveQuery(q, 'up == 0', { instance: 'db-1' })).toEqual({
      query: 'up{instance="db-1"}',
      missing: [],
      isFallback: false,
    });
    expect(resolveQuery(q, 'up == 0', {})).toEqual({
      query: 'up == 0',
      missing: ['instance'],
      isFallback: true,
    });
    expect(resolveQuery(q, undefined, {})).toEqual({ query: null, missing: ['instance'], isFallback: false });
  });
});
