import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { alertmanagerConfigYaml } from './alertmanager-config.js';
import { blackboxConfigYaml } from './blackbox-config.js';
import { prometheusConfigYaml } from './prometheus-config.js';
import { demoRuleGroups, type RuleGroup, rulesYaml } from './rules.js';
import type { StackPorts } from './stack-ports.js';

export interface ConfigFiles {
  prometheus: string;
  rules: string;
  alertmanager: string;
  blackbox: string;
}

export interface WriteConfigsInput {
  dir: string;
  ports: StackPorts;
  vigilUrl: string;
  webhookToken: string;
  /** Rule groups added to the stack's own (the demo's showcase, scripts/stack/config/showcase-rules.ts). */
  extraRuleGroups?: readonly RuleGroup[];
}

/** Generates every config file of the stack into `dir` and returns their paths. */
export async function writeConfigs({
  dir,
  ports,
  vigilUrl,
  webhookToken,
  extraRuleGroups = [],
}: WriteConfigsInput): Promise<ConfigFiles> {
  const files: ConfigFiles = {
    prometheus: join(dir, 'prometheus.yml'),
    rules: join(dir, 'rules.yml'),
    alertmanager: join(dir, 'alertmanager.yml'),
    blackbox: join(dir, 'blackbox.yml'),
  };
  await Promise.all([
    writeFile(files.prometheus, prometheusConfigYaml({ ports, vigilUrl, rulesFile: files.rules })),
    writeFile(files.rules, rulesYaml([...demoRuleGroups, ...extraRuleGroups])),
    // Holds the webhook token: readable by us only.
    writeFile(files.alertmanager, alertmanagerConfigYaml({ vigilUrl, webhookToken }), { mode: 0o600 }),
    writeFile(files.blackbox, blackboxConfigYaml()),
  ]);
  return files;
}
