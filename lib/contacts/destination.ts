import 'server-only';
import { config } from '@/lib/config/current';
import type { DestinationPolicy } from '@/lib/net/destination';

/**
 * The URLs of people's contact methods (lib/net/destination.ts checks them): https, or plain http to a
 * host an admin lists in `contactMethods.allowHttpHosts`. An https URL on the LAN stays allowed: a
 * self-hosted Mattermost or ntfy there is what many teams run.
 */
export const contactDestinations = (): DestinationPolicy => ({
  allowHosts: config().contactMethods.allowHttpHosts,
  setting: 'contactMethods.allowHttpHosts',
  refuseInternal: false,
});
