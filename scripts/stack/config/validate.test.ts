import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigInvalidError } from '../errors.js';
import { assignPorts } from './stack-ports.js';
import { checkAlertmanagerConfig, checkBlackboxConfig, checkPrometheusConfig } from './validate.js';
import { type ConfigFiles, writeConfigs } from './write-configs.js';

// Runs the real promtool, amtool and blackbox exporter: the generators are
// only as good as what the Go tools accept.
describe('config validation with the real tools', () => {
  let dir: string;
  let files: ConfigFiles;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-validate-'));
    const ports = assignPorts([5432, 9090, 9093, 9095, 9094, 9096, 9100, 9187, 9115, 9999]);
    files = await writeConfigs({ dir, ports, vigilUrl: 'http://127.0.0.1:3000', webhookToken: 'token' });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('promtool accepts the Prometheus config and its 7 rules', async () => {
    const report = await checkPrometheusConfig(files.prometheus);
    expect(report).toContain('is valid prometheus config file syntax');
    expect(report).toContain('SUCCESS: 7 rules found');
  });

  it('amtool accepts the Alertmanager config', async () => {
    const report = await checkAlertmanagerConfig(files.alertmanager);
    expect(report).toContain('SUCCESS');
    expect(report).toContain('3 receivers');
  });

  it('the blackbox exporter accepts its modules', async () => {
    await expect(checkBlackboxConfig(files.blackbox)).resolves.toContain('Config file is ok');
  });

  it('throws ConfigInvalidError with the tool output for a broken rule', async () => {
    await writeFile(
      files.rules,
      'groups:\n  - name: broken\n    rules:\n      - alert: X\n        expr: "up =="\n',
    );
    const failure = checkPrometheusConfig(files.prometheus);
    await expect(failure).rejects.toBeInstanceOf(ConfigInvalidError);
    await expect(failure).rejects.toThrow(/parse error/);
  });
});
