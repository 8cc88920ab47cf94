'use client';

import { useState } from 'react';
import { LocalTime } from '@/components/format/local-time';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { callApi } from '@/lib/api/client';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import {
  listPushDevicesOp,
  registerPushDeviceOp,
  removePushDeviceOp,
  testPushDeviceOp,
  vapidPublicKeyOp,
} from '@/lib/push/api';
import { applicationServerKey, deviceLabel } from './browser-push';

/**
 * "This browser" on /people/me: enable Web Push pages on this device (permission, subscription with
 * the server's VAPID key, registration), and the list of the person's devices with a test push and
 * removal each.
 */
export function PushDevices() {
  const devices = useApiQuery(listPushDevicesOp, {});
  const register = useApiMutation(registerPushDeviceOp);
  const test = useApiMutation(testPushDeviceOp);
  const remove = useApiMutation(removePushDeviceOp);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function enable() {
    setProblem(null);
    setBusy(true);
    try {
      const why = unsupported();
      if (why) throw new Error(why);
      if ((await Notification.requestPermission()) !== 'granted')
        throw new Error(
          'Notifications are blocked for this site: allow them in the browser’s site settings.',
        );
      const registration = await navigator.serviceWorker.ready;
      const { publicKey } = await callApi(vapidPublicKeyOp, {});
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: applicationServerKey(publicKey),
      });
      const json = subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
      await register.mutateAsync({ body: { ...json, label: deviceLabel(navigator.userAgent) } });
    } catch (error) {
      setProblem(`Push not enabled: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const testResult = test.data;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-muted">
        Pages reach this device as notifications, even with the console closed; “Acknowledge” on the
        notification acknowledges without signing in. On a phone, add the console to the home screen first.
      </p>
      <Button className="self-start" onClick={enable} disabled={busy}>
        Enable push on this device
      </Button>
      {problem ? (
        <p role="alert" className="text-danger" data-testid="push-problem">
          {problem}
        </p>
      ) : null}
      {testResult ? (
        <p role="status" data-testid="push-test-result">
          {testResult.delivered
            ? 'Test sent: it should appear on the device in a few seconds.'
            : `Test not delivered: ${testResult.error}${testResult.removed ? ' (removed from the list)' : ''}`}
        </p>
      ) : null}
      <ErrorMessage error={devices.error ?? register.error ?? test.error ?? remove.error} />
      <ul className="flex flex-col gap-1" data-testid="push-devices">
        {(devices.data?.devices ?? []).map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-2">
            <span>{d.label}</span>
            <span className="text-muted">
              {d.service} · added <LocalTime at={d.createdAt} />
              {d.lastError ? ` · last failure: ${d.lastError}` : ''}
            </span>
            <Button variant="secondary" onClick={() => test.mutate({ params: { id: d.id } })}>
              Send a test
            </Button>
            <Button variant="ghost" onClick={() => remove.mutate({ params: { id: d.id } })}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {devices.data?.devices.length === 0 ? (
        <p className="text-muted">No device receives push pages yet.</p>
      ) : null}
    </div>
  );
}

/** Why this browser cannot receive push, or null. */
function unsupported(): string | null {
  if (!window.isSecureContext) return 'the console must be opened over https for push.';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window))
    return 'this browser has no Web Push (on iOS, add the console to the home screen and open it from there).';
  return null;
}
