import 'server-only';
import { config } from '@/lib/config/current';
import type { DestinationPolicy } from '@/lib/net/destination';

/**
 * A push endpoint is a URL a browser hands us and the server then POSTs to, so it is checked as any URL
 * a person gives (lib/net/destination.ts), and more strictly than a contact method's: push services are
 * public, so an internal address is refused even over https unless an admin lists the host in
 * `push.allowHosts`.
 */
export const pushDestinations = (): DestinationPolicy => ({
  allowHosts: config().push.allowHosts,
  setting: 'push.allowHosts',
  refuseInternal: true,
});
