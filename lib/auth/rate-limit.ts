/**
 * Failed sign-ins slow the attacker, not the owner. Within 15 minutes:
 * - 5 failures on one e-mail from one address stop that address guessing that account's password;
 * - 20 failures from one address stop it trying many accounts;
 * - 10 failures on one e-mail from anywhere stop guessing spread over many addresses, but only for
 *   addresses that have never signed in to that account. An address the account signed in from before
 *   (a known address) passes, so a stranger who fails on purpose cannot lock the owner out.
 * Pure: the caller reads the newest failures (at most SIGN_IN_FAILURES_CONSIDERED of each kind, which is
 * enough to decide every limit) and whether the address is known; `now` is passed in.
 *
 *   signInBlocked(now, { knownAddress: false, failures: { emailAtAddress: [], address: [], email: ten } }) → true
 *   signInBlocked(now, { knownAddress: true,  failures: { emailAtAddress: [], address: [], email: ten } }) → false
 */
const WINDOW_MS = 15 * 60_000;
const LIMITS = { emailAtAddress: 5, address: 20, email: 10 } as const;

export const SIGN_IN_FAILURES_CONSIDERED = Math.max(...Object.values(LIMITS));

export type SignInHistory = {
  /** The address has signed in to this account successfully before. */
  knownAddress: boolean;
  /** When the newest failures happened: this e-mail from this address, this address with any e-mail, this e-mail from anywhere. */
  failures: { emailAtAddress: readonly Date[]; address: readonly Date[]; email: readonly Date[] };
};

export function signInBlocked(now: Date, { knownAddress, failures }: SignInHistory): boolean {
  const recent = (times: readonly Date[]) =>
    times.filter((t) => now.getTime() - t.getTime() < WINDOW_MS).length;
  return (
    recent(failures.emailAtAddress) >= LIMITS.emailAtAddress ||
    recent(failures.address) >= LIMITS.address ||
    (!knownAddress && recent(failures.email) >= LIMITS.email)
  );
}
