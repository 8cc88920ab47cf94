import 'server-only';
import { prepareAlertsList } from '@/lib/alerts/query';
import { ackReconciler } from '@/lib/incidents/ack-reconciler';
import { transitionRecorder } from '@/lib/incidents/alert-ingest';
import { onClusterPoll, refreshSilences } from '@/lib/snapshots/sources';

/**
 * What follows each poll of a cluster, registered here at start-up so that the snapshots (below) never
 * import the domain (above): first index the new alerts in slices, sort them and lay acknowledgements,
 * incidents and flapping over them (the alerts API request that needs them then finds them done,
 * lib/alerts/query.ts), then record the transitions the webhook never sees (silenced and inhibited
 * alerts; lib/alerts/transitions.ts), then bring acknowledgements and their silences in line
 * (lib/incidents/ack-reconciler.ts). All run on every instance; each is safe to run twice.
 */
export function registerPollHooks(): void {
  onClusterPoll('preparing the alerts list', () => () => prepareAlertsList());
  onClusterPoll('recording alert transitions', (cluster) => transitionRecorder({ cluster: cluster.name }));
  onClusterPoll('checking acknowledgements', (cluster, periodMs) => {
    const reconcile = ackReconciler(cluster.name, periodMs, () => refreshSilences(cluster.name));
    let failing = false;
    return async (previous, next) => {
      try {
        await reconcile(previous, next);
        if (failing) console.warn(`[vigil] checking the acknowledgements of ${cluster.name} works again`);
        failing = false;
      } catch (error) {
        // Once per outage, not on every poll.
        if (!failing)
          console.warn(
            `[vigil] checking the acknowledgements of ${cluster.name} failed; retrying on every poll:`,
            error,
          );
        failing = true;
      }
    };
  });
}
