import { defineOperation } from '@/lib/api/operation';
import { importBodySchema, importResultSchema } from './document';

/** On-call configuration as code (this module exports operations only; lib/openapi/operations.ts collects them). */

export const exportOncallConfigOp = defineOperation({
  method: 'GET',
  path: '/api/v1/oncall-config',
  tag: 'escalation',
  summary: 'Teams, schedules, policies and routes as one YAML document, to keep in git',
  description:
    'No ids: teams and schedules are named by slug, policies and routes by name, people by e-mail, channels by their VIGIL_CONFIG name. Overrides that have not ended are included. Keys and lists come in a fixed order, so the same configuration always gives the same text. Any signed-in user may read it (it shows nothing the other on-call APIs do not).',
  role: 'viewer',
  response: {
    contentType: 'text/yaml; charset=utf-8',
    description: 'A YAML document, as an attachment named vigil-oncall.yaml',
  },
});

export const importOncallConfigOp = defineOperation({
  method: 'POST',
  path: '/api/v1/oncall-config',
  tag: 'escalation',
  summary: 'Import teams, schedules, policies and routes from YAML (in one transaction)',
  description:
    'The body is JSON, like every body of this API: `{"yaml": "<the document>", "dryRun": true}`. Entries are created or updated by slug (teams, schedules) or name (policies, routes; the default route by `default: true`); layers, levels, members and matchers are replaced with their entry; overrides are added, never removed. Nothing absent from the file is deleted unless `prune: true`. Every reference (e-mails, slugs, policy and channel names, matchers) is checked first: one that does not exist is a 422 naming its path (`schedules[1].layers[0].participants[2]`) and nothing is written. The default policy comes from VIGIL_CONFIG and is reported under `skipped` if the file changes it. `dryRun: true` reports the same changes and writes nothing.',
  role: 'admin',
  body: importBodySchema,
  response: { schema: importResultSchema },
  invalidates: ['escalation', 'teams', 'schedules'],
  errors: { 409: 'With prune: something the file leaves out is still in use (a policy a route sends to)' },
});
