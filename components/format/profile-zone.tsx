'use client';

import type { ReactNode } from 'react';
import { ProfileZoneContext } from './use-time-zone';

/**
 * Gives every time below the reader's profile zone (`User.timeZone`), read by the console's layout on
 * each request, so a zone saved on the profile page applies at the next refresh, without signing out.
 */
export function ProfileZone({ zone, children }: { zone: string; children: ReactNode }) {
  return <ProfileZoneContext value={zone}>{children}</ProfileZoneContext>;
}
