import { DEBIAN_BINARIES } from '../debian-packages.js';
import { ConfigInvalidError } from '../errors.js';
import { run } from '../exec.js';

/** `promtool check config`, which also loads and checks every rule file the config names. */
export function checkPrometheusConfig(file: string): Promise<string> {
  return check(DEBIAN_BINARIES.promtool.path, ['check', 'config', file], file);
}

/** `amtool check-config`: routes, receivers, inhibition rules and templates. */
export function checkAlertmanagerConfig(file: string): Promise<string> {
  return check(DEBIAN_BINARIES.amtool.path, ['check-config', file], file);
}

/** Runs a checker; resolves with its report, or throws `ConfigInvalidError` with that report. */
async function check(tool: string, args: string[], file: string): Promise<string> {
  const { code, output } = await run(tool, args, { timeoutMs: 30_000 });
  if (code !== 0) throw new ConfigInvalidError(tool, file, output);
  return output;
}

/** `prometheus-blackbox-exporter --config.check`: parses the modules and exits. */
export function checkBlackboxConfig(file: string): Promise<string> {
  return check(DEBIAN_BINARIES.blackboxExporter.path, [`--config.file=${file}`, '--config.check'], file);
}
