'use client';

import { useEffect, useRef, useState } from 'react';
import { listAlertsOp } from '@/lib/alerts/api';
import { useApiQuery } from '@/lib/api/query';
import { getTabNotificationsOp, myPagesOp } from '@/lib/push/api';
import { newItems } from './browser-push';
import { playChime } from './chime';

/**
 * While a console tab is open and the person switched it on (/people/me): a browser notification for
 * each new page to them and each new critical alert, plus a chime if chosen. Polls two cheap reads every
 * 15 s — the pages since the last poll (server clock) and the critical alerts from the server's snapshot
 * — and stays silent on the first poll, which only learns what already exists.
 */

const POLL_MS = 15_000;
const CRITICAL = { filter: 'severity="critical"', group_by: '', state: 'active', limit: 500 } as const;

export function TabNotifier() {
  const settings = useApiQuery(getTabNotificationsOp, {}, { staleTime: 60_000 });
  const on = settings.data?.enabled === true && typeof Notification !== 'undefined';
  return on ? <Poller sound={settings.data?.sound === true} /> : null;
}

function Poller({ sound }: { sound: boolean }) {
  // Pages since the tab (or the switch) came on; then since the server's clock of the last answer.
  const [since, setSince] = useState(() => new Date().toISOString());
  const pages = useApiQuery(myPagesOp, { query: { since } }, { refetchInterval: POLL_MS });
  const alerts = useApiQuery(listAlertsOp, { query: CRITICAL }, { refetchInterval: POLL_MS });
  const seenPages = useRef(new Set<string>());
  const seenAlerts = useRef<ReadonlySet<string> | null>(null);

  useEffect(() => {
    const answer = pages.data;
    if (!answer) return;
    for (const page of answer.pages) {
      if (seenPages.current.has(page.id)) continue;
      seenPages.current.add(page.id);
      notify(
        `Paged: ${page.title}`,
        page.incidentId ? `/incidents/${page.incidentId}` : '/incidents',
        `page-${page.id}`,
        sound,
      );
    }
    setSince(answer.now);
  }, [pages.data, sound]);

  useEffect(() => {
    const answer = alerts.data;
    if (!answer) return;
    const { fresh, seen } = newItems(
      seenAlerts.current,
      answer.alerts.map((a) => a.fingerprint),
    );
    seenAlerts.current = seen;
    for (const alert of answer.alerts.filter((a) => fresh.includes(a.fingerprint)))
      notify(
        `Critical: ${alert.alertname}`,
        `/alerts/${alert.fingerprint}`,
        `alert-${alert.fingerprint}`,
        sound,
        alert.summary ?? undefined,
      );
  }, [alerts.data, sound]);

  return null;
}

function notify(title: string, href: string, tag: string, sound: boolean, body?: string) {
  if (Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body, tag, icon: '/icons/icon-192.png' });
  notification.onclick = () => {
    window.focus();
    window.location.assign(href);
  };
  if (sound) playChime();
}
