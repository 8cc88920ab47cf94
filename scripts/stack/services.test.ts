import { describe, expect, it } from 'vitest';
import { assignPorts } from './config/stack-ports.js';
import { serviceSpecs } from './services.js';

const specs = serviceSpecs({
  dir: '/tmp/stack',
  ports: assignPorts([5432, 9090, 9093, 9095, 9094, 9096, 9100, 9187, 9115, 9999]),
  configFiles: {
    prometheus: '/tmp/stack/p.yml',
    rules: '/tmp/stack/r.yml',
    alertmanager: '/tmp/stack/a.yml',
    blackbox: '/tmp/stack/b.yml',
  },
  databaseUrl: 'postgresql://vigil:pw@127.0.0.1:5432/vigil',
});

function spec(name: string) {
  const found = specs.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no service ${name}`);
  return found;
}

describe('serviceSpecs', () => {
  it('makes the two Alertmanagers gossip with each other, each with its own storage', () => {
    expect(spec('alertmanager-1').args).toEqual(
      expect.arrayContaining([
        '--cluster.listen-address=127.0.0.1:9094',
        '--cluster.peer=127.0.0.1:9096',
        '--storage.path=/tmp/stack/alertmanager-1',
        '--web.listen-address=127.0.0.1:9093',
      ]),
    );
    expect(spec('alertmanager-2').args).toEqual(
      expect.arrayContaining([
        '--cluster.listen-address=127.0.0.1:9096',
        '--cluster.peer=127.0.0.1:9094',
        '--storage.path=/tmp/stack/alertmanager-2',
        '--web.listen-address=127.0.0.1:9095',
      ]),
    );
    expect(specs.filter((candidate) => candidate.clusterPeer).map((candidate) => candidate.name)).toEqual([
      'alertmanager-1',
      'alertmanager-2',
    ]);
  });

  it('keeps Prometheus data in the stack folder and waits on /-/ready', () => {
    expect(spec('prometheus').args).toContain('--storage.tsdb.path=/tmp/stack/prometheus');
    expect(spec('prometheus').readyUrl).toBe('http://127.0.0.1:9090/-/ready');
  });

  it('hands the postgres exporter the database URL without TLS', () => {
    expect(spec('postgres-exporter').env).toEqual({
      DATA_SOURCE_NAME: 'postgresql://vigil:pw@127.0.0.1:5432/vigil?sslmode=disable',
    });
  });

  it('binds every service to 127.0.0.1', () => {
    for (const service of specs) {
      const listen = service.args.find((arg) => arg.startsWith('--web.listen-address='));
      expect(listen).toMatch(/^--web\.listen-address=127\.0\.0\.1:\d+$/);
    }
  });
});
