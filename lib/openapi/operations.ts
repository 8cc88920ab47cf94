import * as actions from '@/lib/actions/api';
import * as admin from '@/lib/admin/api';
import * as alerts from '@/lib/alerts/api';
import type { Operation } from '@/lib/api/operation';
import * as contacts from '@/lib/contacts/api';
import * as escalation from '@/lib/escalation/api';
import * as history from '@/lib/history/api';
import * as acks from '@/lib/incidents/ack-api';
import * as incidents from '@/lib/incidents/api';
import * as silences from '@/lib/incidents/silence-api';
import * as maintenance from '@/lib/maintenance/api';
import * as oncallConfig from '@/lib/oncall-config/api';
import * as overview from '@/lib/overview/api';
import * as people from '@/lib/people/api';
import * as postmortems from '@/lib/postmortems/api';
import * as push from '@/lib/push/api';
import * as reports from '@/lib/reports/api';
import * as routing from '@/lib/routing/api';
import * as runbooks from '@/lib/runbooks/api';
import * as schedules from '@/lib/schedules/api';
import * as server from '@/lib/server/api';
import * as teams from '@/lib/teams/api';
import * as openapi from './api';

/**
 * Every operation of the API, collected from the features' `api.ts` modules, which export operations
 * only: a new operation in one of them is in the OpenAPI document and the generated access test
 * without a line here. A new feature module adds one import.
 */
export const operations: readonly Operation[] = [
  server,
  openapi,
  admin,
  overview,
  alerts,
  history,
  acks,
  silences,
  maintenance,
  incidents,
  actions,
  escalation,
  routing,
  oncallConfig,
  teams,
  schedules,
  people,
  contacts,
  push,
  postmortems,
  runbooks,
  reports,
].flatMap((module) => Object.values(module) as Operation[]);
