'use client';

import { useState } from 'react';
import { ErrorMessage } from '@/components/ui/error-message';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import { getTabNotificationsOp, setTabNotificationsOp } from '@/lib/push/api';
import type { TabNotifications } from '@/lib/push/push-schemas';
import { playChime } from './chime';

/**
 * The per-user switch on /people/me: while a console tab is open, a browser notification (and, if
 * chosen, a chime) for each new page to me and each new critical alert (tab-notifier.tsx does it).
 */
export function TabNotificationsSetting() {
  const current = useApiQuery(getTabNotificationsOp, {});
  const save = useApiMutation(setTabNotificationsOp);
  // Set in the click's own event: the mutation's variables reach React a tick later, and a controlled
  // checkbox rendered in between would spring back to its old state under the person's finger.
  const [chosen, setChosen] = useState<TabNotifications>();
  const settings = chosen ?? current.data;

  async function change(next: TabNotifications) {
    setChosen(next);
    // Asked here, on the person's click: browsers ignore permission requests made without one.
    if (next.enabled && 'Notification' in window && Notification.permission === 'default')
      await Notification.requestPermission();
    if (next.sound && !settings?.sound) playChime(); // lets the person hear it (and unlocks audio)
    save.mutate({ body: next });
  }

  if (!settings) return <ErrorMessage error={current.error} />;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => void change({ ...settings, enabled: e.target.checked })}
        />
        Notify me in an open console tab of new pages to me and new critical alerts
      </label>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={settings.sound}
          disabled={!settings.enabled}
          onChange={(e) => void change({ ...settings, sound: e.target.checked })}
        />
        Also play a short sound
      </label>
      {typeof Notification !== 'undefined' && Notification.permission === 'denied' ? (
        <p className="text-danger">
          Notifications are blocked for this site: allow them in the browser’s site settings.
        </p>
      ) : null}
      <ErrorMessage error={save.error} />
    </div>
  );
}
