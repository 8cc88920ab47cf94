import 'server-only';
import { env } from '@/lib/env';
import { clientAddress } from '@/lib/net/forwarded';

/**
 * The address of the client behind a request, for audit rows and the sign-in limits: the TCP peer, or
 * what the proxies of VIGIL_TRUSTED_PROXIES say they received it from (see lib/net/forwarded.ts and
 * README "Behind a proxy"). Null when the request carries no address at all.
 */
export const requestClientAddress = (headers: Pick<Headers, 'get'>): string | null =>
  clientAddress(headers.get('x-forwarded-for'), env().VIGIL_TRUSTED_PROXIES);
