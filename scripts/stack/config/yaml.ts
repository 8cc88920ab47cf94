import { stringify } from 'yaml';

/**
 * YAML for the Go tools: no anchors/aliases for objects we reuse (legal YAML,
 * but confusing to read in a generated config) and no line folding, so a long
 * PromQL expression stays on one line as people write it.
 */
export function toYaml(value: unknown): string {
  return stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
}
