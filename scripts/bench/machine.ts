import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { DEBIAN_BINARIES } from '../stack/debian-packages';

export type MachineInfo = {
  cpu: string;
  cores: number;
  memory: string;
  loadAtStart: string;
  versions: Record<string, string>;
};

/** `alertmanager, version 0.25.0 (branch: …)` → `0.25.0` */
const versionOf = (binary: string) => {
  try {
    const out = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return /version (\S+)/.exec(out)?.[1] ?? out.trim().split('\n')[0] ?? '?';
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string };
    return /version (\S+)/.exec(`${e.stdout ?? ''}${e.stderr ?? ''}`)?.[1] ?? '?';
  }
};

export async function machineInfo(databaseUrl: string): Promise<MachineInfo> {
  const memKb = Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]
    ?.server_version;
  await client.end();
  const pkg = (name: string) =>
    (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
  return {
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    memory: `${(memKb / 1024 / 1024).toFixed(1)} GiB`,
    loadAtStart: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    versions: {
      Node: process.version,
      Next: pkg('next'),
      Alertmanager: versionOf(DEBIAN_BINARIES.alertmanager.path),
      Prometheus: versionOf(DEBIAN_BINARIES.prometheus.path),
      PostgreSQL: postgres ?? '?',
      Chromium: (() => {
        try {
          // Debian's wrapper script complains on stderr about this machine's memory size: ignore it.
          return execFileSync('/usr/bin/chromium', ['--version'], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
          }).trim();
        } catch {
          return '?';
        }
      })(),
      autocannon: pkg('autocannon'),
    },
  };
}
