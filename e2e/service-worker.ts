import { type BrowserContext, type CDPSession, expect, type Page, type Worker } from '@playwright/test';

/**
 * The console's service worker (public/sw.js) in Chromium, for the push specs: headless Chromium has no
 * push service and cannot tap a system notification, so a push is delivered through the DevTools
 * protocol and a tap runs the worker's own click logic.
 */

export type ShownNotification = {
  title: string;
  body: string;
  tag: string;
  actions: string[];
  data: unknown;
};

/** The notifications the service worker shows now, read in the page. */
export const shownNotifications = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map(
      (n): ShownNotification => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        actions: ((n as unknown as { actions?: { action: string }[] }).actions ?? []).map((a) => a.action),
        data: n.data,
      }),
    );
  });

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** The console's service worker registration, for `ServiceWorker.deliverPushMessage` on `cdp`. */
export async function pushRegistration(
  context: BrowserContext,
  page: Page,
  origin: string,
): Promise<{ cdp: CDPSession; id: string }> {
  const cdp = await context.newCDPSession(page);
  const ids = new Map<string, string>();
  cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
    for (const r of registrations) ids.set(r.scopeURL, r.registrationId);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => ids.get(`${origin}/`)).toBeTruthy();
  return { cdp, id: ids.get(`${origin}/`) ?? '' };
}

/** One tap on the notification tagged `tag`: handleNotificationClick of public/sw.js, run in the worker. */
export async function tapNotification(worker: Worker, tag: string, action: string): Promise<void> {
  await worker.evaluate(
    async ({ tag, action }) => {
      const scope = self as unknown as {
        registration: ServiceWorkerRegistration;
        handleNotificationClick(n: Notification, action: string): Promise<void>;
      };
      const [notification] = await scope.registration.getNotifications({ tag });
      if (!notification) throw new Error('no notification to tap');
      await scope.handleNotificationClick(notification, action);
    },
    { tag, action },
  );
}
