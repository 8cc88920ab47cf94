import { vigilWebhookUrl } from './vigil-url.js';
import { toYaml } from './yaml.js';

export interface AlertmanagerConfigInput {
  vigilUrl: string;
  webhookToken: string;
  /**
   * The inhibit rule below; on unless turned off. The bench lists 50,000 alerts without it: Alertmanager
   * 0.25 lists in time that grows with the square of the alerts while a rule's source matches many of them.
   */
  inhibitRules?: boolean;
}

const RECEIVERS = ['pager', 'chat', 'watchdog'] as const;

/**
 * alertmanager.yml shared by both peers: a route tree like an on-call team's
 * (critical pages, warnings go to chat, the Watchdog heartbeat has its own
 * receiver), critical inhibiting warning on the same instance, and every
 * receiver a webhook to Vigil authenticated with the shared bearer token.
 */
export function alertmanagerConfigYaml({
  vigilUrl,
  webhookToken,
  inhibitRules = true,
}: AlertmanagerConfigInput): string {
  const webhook = {
    url: vigilWebhookUrl(vigilUrl),
    // Vigil records resolutions too, so it must be told about them.
    send_resolved: true,
    http_config: { authorization: { type: 'Bearer', credentials: webhookToken } },
  };
  return toYaml({
    route: {
      receiver: 'chat',
      group_by: ['alertname'],
      group_wait: '5s',
      group_interval: '30s',
      repeat_interval: '1h',
      routes: [
        // First: Watchdog has severity "none" and must not fall through to chat.
        { receiver: 'watchdog', matchers: ['alertname="Watchdog"'] },
        { receiver: 'pager', matchers: ['severity="critical"'] },
        { receiver: 'chat', matchers: ['severity="warning"'] },
      ],
    },
    inhibit_rules: inhibitRules
      ? [
          {
            source_matchers: ['severity="critical"'],
            target_matchers: ['severity="warning"'],
            equal: ['instance'],
          },
        ]
      : [],
    receivers: RECEIVERS.map((name) => ({ name, webhook_configs: [webhook] })),
  });
}
