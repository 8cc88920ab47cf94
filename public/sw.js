/*
 * Vigil's service worker: shows Web Push pages and acknowledges them with one tap.
 *
 * Plain JavaScript served as is from /sw.js (scope "/"), registered by the console
 * (components/push/service-worker-registration.tsx). It caches nothing: the console is live data, and
 * a stale page of alerts at 3 a.m. would be worse than none. The push payload is the small JSON that
 * lib/push/payload.ts builds: {title, body, tag, url, actions: [{action: 'ack', title}], ackUrl?}.
 */

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  event.waitUntil(showPush(readPayload(event.data)));
});

self.addEventListener('notificationclick', (event) => {
  event.waitUntil(handleNotificationClick(event.notification, event.action));
});

/** The payload, or null when it is not ours (a push must still show something: userVisibleOnly). */
function readPayload(data) {
  try {
    const payload = data ? data.json() : null;
    return payload && typeof payload.title === 'string' ? payload : null;
  } catch {
    return null;
  }
}

function showPush(payload) {
  if (!payload)
    return self.registration.showNotification('Vigil', {
      body: 'Open the console to see what happened.',
      tag: 'vigil',
      data: { url: '/alerts' },
    });
  const actions = Array.isArray(payload.actions) ? payload.actions : [];
  return self.registration.showNotification(payload.title, {
    body: payload.body,
    // One notification per incident: a newer push about it replaces the older one, and still alerts.
    tag: payload.tag,
    renotify: true,
    // A page stays on screen until it is handled; a test or follow-up may go away by itself.
    requireInteraction: actions.length > 0,
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    actions,
    data: { url: payload.url, ackUrl: payload.ackUrl },
  });
}

/**
 * "Acknowledge" POSTs the signed acknowledge token (payload.ackUrl, lib/push/payload.ts ackPostUrl:
 * the link page /a/<token> only asks to confirm on GET) and says
 * how it went in a notification of the same tag; any other tap opens the console. A top-level function
 * so the e2e test can run exactly this logic in the worker (a synthetic notificationclick event cannot
 * be extended with waitUntil).
 */
async function handleNotificationClick(notification, action) {
  notification.close();
  const data = notification.data || {};
  if (action === 'ack' && data.ackUrl) return acknowledge(notification, data);
  return openConsole(data.url || '/alerts');
}

async function acknowledge(notification, data) {
  const link = new URL(data.ackUrl, self.location.origin);
  // The link comes from our own (encrypted) push, but never POST anywhere but the console itself.
  if (link.origin !== self.location.origin) return openConsole(link.href);
  let title = 'Acknowledged';
  let body = notification.title;
  try {
    // The signed token in the path is the credential; a session cookie, if this browser has one, lets
    // a link too old to act on its own still act as the signed-in person (POST /api/v1/actions/<token>).
    const response = await fetch(link.href, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (!response.ok) {
      title = 'Not acknowledged';
      body = `The console answered ${response.status}: the link may have expired. Tap to open the incident.`;
    }
  } catch {
    title = 'Not acknowledged';
    body = 'The console is unreachable from this device. Tap to open the incident.';
  }
  return self.registration.showNotification(title, { body, tag: notification.tag, data: { url: data.url } });
}

/** Focuses an open console window on `url`, or opens one. */
async function openConsole(url) {
  const target = new URL(url, self.location.origin);
  if (target.origin === self.location.origin) {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = windows.find((client) => new URL(client.url).origin === target.origin);
    if (open) {
      await open.focus();
      return open.navigate(target.href);
    }
  }
  return self.clients.openWindow(target.href);
}
