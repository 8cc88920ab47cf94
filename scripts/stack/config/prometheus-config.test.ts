import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { prometheusConfigYaml } from './prometheus-config.js';
import { assignPorts } from './stack-ports.js';

const ports = assignPorts([5432, 9090, 9093, 9095, 9094, 9096, 9100, 9187, 9115, 9999]);

const configSchema = z.object({
  global: z.object({
    scrape_interval: z.string(),
    evaluation_interval: z.string(),
    scrape_timeout: z.string(),
  }),
  rule_files: z.array(z.string()),
  alerting: z.object({
    alertmanagers: z.array(z.object({ static_configs: z.array(z.object({ targets: z.array(z.string()) })) })),
  }),
  scrape_configs: z.array(
    z.object({
      job_name: z.string(),
      scheme: z.string().optional(),
      metrics_path: z.string().optional(),
      params: z.record(z.string(), z.array(z.string())).optional(),
      static_configs: z.array(z.object({ targets: z.array(z.string()) })),
      relabel_configs: z.array(z.record(z.string(), z.unknown())).optional(),
    }),
  ),
});

function generate(vigilUrl = 'http://127.0.0.1:3000') {
  return configSchema.parse(parse(prometheusConfigYaml({ ports, vigilUrl, rulesFile: '/tmp/x/rules.yml' })));
}

function job(config: ReturnType<typeof generate>, name: string) {
  const found = config.scrape_configs.find((candidate) => candidate.job_name === name);
  if (found === undefined) throw new Error(`no job ${name}`);
  return found;
}

describe('prometheusConfigYaml', () => {
  it('sends alerts to both Alertmanager peers and scrapes both', () => {
    const config = generate();
    const both = ['127.0.0.1:9093', '127.0.0.1:9095'];
    expect(
      config.alerting.alertmanagers.flatMap((am) => am.static_configs.flatMap((sc) => sc.targets)),
    ).toEqual(both);
    expect(job(config, 'alertmanager').static_configs[0]?.targets).toEqual(both);
  });

  it('scrapes and evaluates every 5 s with a timeout below the interval', () => {
    expect(generate().global).toEqual({
      scrape_interval: '5s',
      scrape_timeout: '4s',
      evaluation_interval: '5s',
    });
  });

  it('has one job per component plus the deliberately down api target', () => {
    const config = generate();
    expect(config.scrape_configs.map((scrape) => scrape.job_name)).toEqual([
      'prometheus',
      'alertmanager',
      'node',
      'postgres',
      'blackbox',
      'vigil',
      'api',
    ]);
    expect(job(config, 'api').static_configs[0]?.targets).toEqual(['127.0.0.1:9999']);
    expect(config.rule_files).toEqual(['/tmp/x/rules.yml']);
  });

  it('probes Vigil /api/health through the blackbox exporter', () => {
    const blackbox = job(generate(), 'blackbox');
    expect(blackbox.metrics_path).toBe('/probe');
    expect(blackbox.params).toEqual({ module: ['http_2xx'] });
    expect(blackbox.static_configs[0]?.targets).toEqual(['http://127.0.0.1:3000/api/health']);
    expect(blackbox.relabel_configs).toContainEqual({
      target_label: '__address__',
      replacement: '127.0.0.1:9115',
    });
  });

  it('keeps a base path and the scheme of the Vigil URL', () => {
    const config = generate('https://ops.example.test/vigil/');
    expect(job(config, 'vigil')).toMatchObject({
      scheme: 'https',
      metrics_path: '/vigil/metrics',
      static_configs: [{ targets: ['ops.example.test'] }],
    });
    expect(job(config, 'blackbox').static_configs[0]?.targets).toEqual([
      'https://ops.example.test/vigil/api/health',
    ]);
  });
});
