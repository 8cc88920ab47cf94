import { existsSync } from 'node:fs';
import { MissingPackagesError } from './errors.js';
import { isRoot, run } from './exec.js';

/** The binaries the stack runs, and the Debian package that ships each one. */
export const DEBIAN_BINARIES = {
  prometheus: { path: '/usr/bin/prometheus', package: 'prometheus' },
  promtool: { path: '/usr/bin/promtool', package: 'prometheus' },
  alertmanager: { path: '/usr/bin/prometheus-alertmanager', package: 'prometheus-alertmanager' },
  amtool: { path: '/usr/bin/amtool', package: 'prometheus-alertmanager' },
  nodeExporter: { path: '/usr/bin/prometheus-node-exporter', package: 'prometheus-node-exporter' },
  postgresExporter: {
    path: '/usr/bin/prometheus-postgres-exporter',
    package: 'prometheus-postgres-exporter',
  },
  blackboxExporter: {
    path: '/usr/bin/prometheus-blackbox-exporter',
    package: 'prometheus-blackbox-exporter',
  },
  // Not a binary but a Python module (run as `/usr/bin/python3 -m aiosmtpd`): the demo's and the
  // tests' SMTP server (lib/notify/testing/sinks.ts).
  aiosmtpd: { path: '/usr/lib/python3/dist-packages/aiosmtpd/__init__.py', package: 'python3-aiosmtpd' },
} as const;

/** The Debian packages whose binaries are missing, in a stable order. */
export function missingDebianPackages(exists: (path: string) => boolean = existsSync): string[] {
  const missing = Object.values(DEBIAN_BINARIES)
    .filter((binary) => !exists(binary.path))
    .map((binary) => binary.package);
  return [...new Set(missing)];
}

/**
 * Makes sure Prometheus, Alertmanager and the exporters are installed. As root
 * it installs what is missing with apt (Debian's packages are the only source
 * this project's machines can reach); otherwise it throws a
 * `MissingPackagesError` whose message holds the exact `sudo apt-get install`
 * command. Without systemd the packages' services do not start on install,
 * which is what we want: the harness runs its own copies.
 */
export async function ensureDebianPackages({
  log = () => {},
}: {
  log?: (line: string) => void;
} = {}): Promise<void> {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  if (!isRoot()) throw new MissingPackagesError(missing);

  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    const result = await run('apt-get', args, { env });
    if (result.code !== 0) {
      throw new MissingPackagesError(
        missing,
        `apt-get ${args[0]} failed:\n${result.output.trim().split('\n').slice(-15).join('\n')}`,
      );
    }
  }
  const stillMissing = missingDebianPackages();
  if (stillMissing.length > 0)
    throw new MissingPackagesError(stillMissing, 'apt-get succeeded but the binaries are still missing.');
}
