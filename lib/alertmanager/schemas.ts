import { z } from 'zod';
import { storableLabels, storableText } from './storable-text';

/**
 * Alertmanager API v2 (tested against 0.25) as zod schemas. Each schema parses the wire JSON and turns it
 * into our own flat camelCase shape, so nothing outside lib/alertmanager sees `status.state` or
 * `receivers[{name}]`. Unknown fields are dropped (zod's default), so newer versions that add fields
 * (`annotations` on silences from 0.32) still parse.
 */

// U+0000 (which PostgreSQL cannot store) read as U+FFFD: storable-text.ts.
const labelSetSchema = z.record(z.string(), z.string()).transform(storableLabels);

/**
 * Alertmanager prints times in the zone they arrived in (an alert posted with "+02:00" comes back with
 * "+02:00"), so every timestamp is normalised to UTC ISO with milliseconds; merged views can then be
 * compared and sorted safely.
 *
 * @example "2026-11-21T10:05:01.740+02:00" → "2026-11-21T08:05:01.740Z"
 */
const timestampSchema = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

/**
 * A silence matcher. `isEqual` appeared in 0.22; older versions omit it and mean "equal", so it
 * defaults to true (as in the OpenAPI spec).
 *
 * @example {name:"job", value:"api", isRegex:false} → {name:"job", value:"api", isRegex:false, isEqual:true}
 */
export const matcherSchema = z.object({
  name: z.string(),
  value: z.string(),
  isRegex: z.boolean(),
  isEqual: z.boolean().default(true),
});
export type Matcher = z.infer<typeof matcherSchema>;

/**
 * One alert of GET /api/v2/alerts (and inside groups).
 *
 * @example {fingerprint, labels, receivers:[{name:"pager"}], status:{state:"suppressed", silencedBy:["s1"],
 *   inhibitedBy:[]}, …} → {fingerprint, labels, receivers:["pager"], state:"suppressed", silencedBy:["s1"],
 *   inhibitedBy:[], …}
 *
 * `mutedBy` (0.28+: names of the time intervals muting the alert) is kept only when the peer sends it, so
 * a caller can tell "not muted" from "this version cannot say".
 */
export const amAlertSchema = z
  .object({
    // Go never writes a lone surrogate; a stand-in that does would fail every insert of its poll.
    fingerprint: z.string().transform(storableText),
    labels: labelSetSchema,
    annotations: labelSetSchema,
    startsAt: timestampSchema,
    endsAt: timestampSchema,
    updatedAt: timestampSchema,
    // Go's model marks it omitempty: alerts posted without one arrive without the key.
    generatorURL: z.string().default(''),
    receivers: z.array(z.object({ name: z.string() })),
    status: z.object({
      state: z.enum(['active', 'suppressed', 'unprocessed']),
      silencedBy: z.array(z.string()),
      inhibitedBy: z.array(z.string()),
      mutedBy: z.array(z.string()).optional(),
    }),
  })
  .transform(({ receivers, status: { state, silencedBy, inhibitedBy, mutedBy }, ...alert }) => ({
    ...alert,
    receivers: receivers.map((r) => r.name),
    state,
    silencedBy,
    inhibitedBy,
    ...(mutedBy ? { mutedBy } : {}),
  }));
export type AmAlert = z.infer<typeof amAlertSchema>;

/**
 * One group of GET /api/v2/alerts/groups: the route's group_by values and receiver. The same alert can
 * sit in several groups (one per matching route), so dedupe by fingerprint when flattening.
 *
 * @example {labels:{alertname:"Watchdog"}, receiver:{name:"default"}, alerts:[…]}
 *   → {labels:{alertname:"Watchdog"}, receiver:"default", alerts:[…]}
 */
export const alertGroupSchema = z
  .object({
    labels: labelSetSchema,
    receiver: z.object({ name: z.string() }),
    alerts: z.array(amAlertSchema),
  })
  .transform(({ labels, receiver, alerts }) => ({ labels, receiver: receiver.name, alerts }));
export type AlertGroup = z.infer<typeof alertGroupSchema>;

/**
 * One silence of GET /api/v2/silences or /api/v2/silence/{id}. Expired silences stay listed for the
 * retention (120 h by default).
 *
 * @example {id, status:{state:"active"}, matchers:[…], …} → {id, state:"active", matchers:[…], …}
 */
export const silenceSchema = z
  .object({
    id: z.string(),
    status: z.object({ state: z.enum(['active', 'pending', 'expired']) }),
    matchers: z.array(matcherSchema),
    startsAt: timestampSchema,
    endsAt: timestampSchema,
    updatedAt: timestampSchema,
    createdBy: z.string(),
    comment: z.string(),
  })
  .transform(({ status, ...silence }) => ({ ...silence, state: status.state }));
export type Silence = z.infer<typeof silenceSchema>;

/**
 * The answer of POST /api/v2/silences.
 *
 * @example {"silenceID":"90a20596-…"} → "90a20596-…"
 */
export const postSilenceResponseSchema = z.object({ silenceID: z.string() }).transform((r) => r.silenceID);

/**
 * GET /api/v2/status.
 *
 * - `clusterName` is Alertmanager's `cluster.name`: the gossip name (a ULID) of the peer that answered,
 *   not a name of the HA pair. `peers` includes that peer itself.
 * - `clusterStatus` is `settling` for ~10 s after start (notifications held back; the API works) and
 *   `disabled` when clustering is off (`--cluster.listen-address=`), in which case 0.25 sends no name and
 *   `peers: []`.
 * - `uptime` is, despite its name, the time the process started (ISO).
 *
 * @example {cluster:{name:"01M7…", status:"ready", peers:[{name, address:"127.0.0.1:19094"}]},
 *   versionInfo:{version:"0.25.0", …}, uptime:"2026-11-21T08:04:52.166Z", config:{…}}
 *   → {clusterName:"01M7…", clusterStatus:"ready", peers:[…], version:"0.25.0", uptime:"2026-11-21T08:04:52.166Z"}
 */
export const amStatusSchema = z
  .object({
    cluster: z.object({
      name: z.string().default(''),
      status: z.enum(['ready', 'settling', 'disabled']),
      peers: z.array(z.object({ name: z.string(), address: z.string() })),
    }),
    versionInfo: z.object({ version: z.string() }),
    uptime: timestampSchema,
  })
  .transform(({ cluster, versionInfo, uptime }) => ({
    clusterName: cluster.name,
    clusterStatus: cluster.status,
    peers: cluster.peers,
    version: versionInfo.version,
    uptime,
  }));
export type AmStatus = z.infer<typeof amStatusSchema>;

/**
 * The body of POST /api/v2/silences. Without `id` it creates a silence; with `id` it updates that one,
 * but Alertmanager keeps the id only when the matchers are unchanged (and, for an active silence, the
 * same startsAt with endsAt not in the past). Otherwise it expires the old silence and issues a new id.
 * Alertmanager itself rejects `matchers: []` (422), so the schema leaves that check to it.
 */
const silenceInputSchema = z.object({
  id: z.string().optional(),
  matchers: z.array(matcherSchema),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  createdBy: z.string(),
  comment: z.string(),
});
export type SilenceInput = z.infer<typeof silenceInputSchema>;

/**
 * One alert for POST /api/v2/alerts (what Prometheus sends). Alertmanager fills a missing startsAt with
 * the receive time and a missing endsAt with receive time + resolve_timeout.
 */
const postableAlertSchema = z.object({
  labels: labelSetSchema,
  annotations: labelSetSchema.optional(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  generatorURL: z.string().optional(),
});
export type PostableAlert = z.infer<typeof postableAlertSchema>;
