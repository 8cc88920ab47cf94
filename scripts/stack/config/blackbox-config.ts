import { toYaml } from './yaml.js';

/** blackbox.yml: one module, an HTTP GET that succeeds on any 2xx, over IPv4 (everything runs on 127.0.0.1). */
export function blackboxConfigYaml(): string {
  return toYaml({
    modules: {
      http_2xx: {
        prober: 'http',
        // Below the 4 s scrape timeout, so a hanging Vigil yields probe_success 0, not a failed scrape.
        timeout: '3s',
        http: { preferred_ip_protocol: 'ip4', valid_status_codes: [] },
      },
    },
  });
}
