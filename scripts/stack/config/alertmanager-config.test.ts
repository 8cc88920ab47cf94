import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { alertmanagerConfigYaml } from './alertmanager-config.js';

const webhookSchema = z.object({
  url: z.string(),
  send_resolved: z.boolean(),
  http_config: z.object({ authorization: z.object({ type: z.string(), credentials: z.string() }) }),
});

const configSchema = z.object({
  route: z.object({
    receiver: z.string(),
    group_by: z.array(z.string()),
    group_wait: z.string(),
    group_interval: z.string(),
    repeat_interval: z.string(),
    routes: z.array(z.object({ receiver: z.string(), matchers: z.array(z.string()) })),
  }),
  inhibit_rules: z.array(
    z.object({
      source_matchers: z.array(z.string()),
      target_matchers: z.array(z.string()),
      equal: z.array(z.string()),
    }),
  ),
  receivers: z.array(z.object({ name: z.string(), webhook_configs: z.array(webhookSchema) })),
});

const config = configSchema.parse(
  parse(alertmanagerConfigYaml({ vigilUrl: 'http://127.0.0.1:3000/', webhookToken: 's3cr#t: "x"' })),
);

describe('alertmanagerConfigYaml', () => {
  it('groups by alertname with the short timings the tests rely on', () => {
    expect(config.route).toMatchObject({
      receiver: 'chat',
      group_by: ['alertname'],
      group_wait: '5s',
      group_interval: '30s',
      repeat_interval: '1h',
    });
  });

  it('routes Watchdog before the severity routes, critical to pager, warning to chat', () => {
    expect(config.route.routes).toEqual([
      { receiver: 'watchdog', matchers: ['alertname="Watchdog"'] },
      { receiver: 'pager', matchers: ['severity="critical"'] },
      { receiver: 'chat', matchers: ['severity="warning"'] },
    ]);
  });

  it('lets a critical alert inhibit warnings of the same instance', () => {
    expect(config.inhibit_rules).toEqual([
      {
        source_matchers: ['severity="critical"'],
        target_matchers: ['severity="warning"'],
        equal: ['instance'],
      },
    ]);
  });

  it('leaves the inhibit rules out when asked, and nothing else', () => {
    const input = { vigilUrl: 'http://127.0.0.1:3000/', webhookToken: 't' };
    const without = configSchema.parse(parse(alertmanagerConfigYaml({ ...input, inhibitRules: false })));
    const withRules = configSchema.parse(parse(alertmanagerConfigYaml(input)));
    expect(without.inhibit_rules).toEqual([]);
    expect({ ...without, inhibit_rules: withRules.inhibit_rules }).toEqual(withRules);
  });

  it('posts every receiver to the Vigil webhook with the bearer token, resolved alerts included', () => {
    expect(config.receivers.map((receiver) => receiver.name)).toEqual(['pager', 'chat', 'watchdog']);
    for (const receiver of config.receivers) {
      expect(receiver.webhook_configs).toEqual([
        {
          url: 'http://127.0.0.1:3000/api/v1/alertmanager/webhook',
          send_resolved: true,
          // Survives YAML quoting intact.
          http_config: { authorization: { type: 'Bearer', credentials: 's3cr#t: "x"' } },
        },
      ]);
    }
  });
});
