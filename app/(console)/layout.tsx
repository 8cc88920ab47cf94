import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { ProfileZone } from '@/components/format/profile-zone';
import { OnCallChip } from '@/components/oncall/on-call-chip';
import { ServiceWorkerRegistration } from '@/components/push/service-worker-registration';
import { TabNotifier } from '@/components/push/tab-notifier';
import { HealthIndicator } from '@/components/shell/health-indicator';
import { NavLinks } from '@/components/shell/nav-links';
import { themeOf } from '@/components/shell/theme';
import { UserMenu } from '@/components/shell/user-menu';
import { SilenceExpiryBanner } from '@/components/silences/silence-expiry-banner';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';
import { meDetails } from '@/lib/people/people';
import { upstreamHealth } from '@/lib/snapshots/upstream-health';
import { signOutAction } from './actions';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const [health, me] = await Promise.all([upstreamHealth(), meDetails(user)]);
  const now = Date.now();
  const theme = themeOf((await cookies()).get('theme')?.value);
  // Times are written in the reader's profile zone when they have set one (see localZone), read here
  // on every request: a zone saved on the profile page applies at that page's refresh.
  return (
    <ProfileZone zone={me.timeZone}>
      <div className="flex min-h-screen flex-col">
        <header className="sticky top-0 z-10 flex items-center gap-2 border-b border-border bg-surface px-3 py-2 sm:gap-4 sm:px-4">
          <span className="font-semibold">Vigil</span>
          <NavLinks isAdmin={user.role === 'admin'} />
          <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
            <OnCallChip initial={me.onCall} nowMs={now} className="max-sm:hidden" />
            <HealthIndicator initial={health} />
            <UserMenu
              email={user.email}
              name={user.name}
              role={user.role}
              theme={theme}
              signOut={signOutAction}
            />
          </div>
        </header>
        {/* A phone's header row is full: there the chip is a line of its own beneath it. */}
        <OnCallChip initial={me.onCall} nowMs={now} className="mx-3 mt-2 justify-center sm:hidden" />
        <main className="mx-auto w-full min-w-0 max-w-7xl flex-1 p-3 sm:p-4">
          {hasRole(user.role, 'responder') ? <SilenceExpiryBanner /> : null}
          {children}
        </main>
        {/* Web Push and in-tab notifications (README "The console as a pager"); they render nothing. */}
        <ServiceWorkerRegistration />
        <TabNotifier />
      </div>
    </ProfileZone>
  );
}
