import { describe, expect, it } from 'vitest';
import type { GroupAckResult } from '@/lib/incidents/ack-schemas';
import { ackSummary, selectionSilences, silenceSummary } from './bulk-actions';

const acked = (fingerprint: string): GroupAckResult => ({
  status: 'acknowledged',
  ackId: `ack-${fingerprint}`,
  cluster: 'main',
  fingerprint,
  silenceId: null,
  by: 'ana@example.com',
  comment: null,
  at: '2026-12-04T03:00:00.000Z',
});

describe('selectionSilences', () => {
  it('makes one silence per alert, matching exactly its labels, in its own cluster', () => {
    const silences = selectionSilences(
      [
        { fingerprint: 'f1', cluster: 'main', labels: { job: 'api', alertname: 'InstanceDown' } },
        { fingerprint: 'f2', cluster: 'edge', labels: { alertname: 'DiskFull' } },
      ],
      { duration: '2h', comment: 'deploy in progress' },
    );
    expect(silences).toEqual([
      {
        matchers: [
          { name: 'alertname', value: 'InstanceDown', isRegex: false, isEqual: true },
          { name: 'job', value: 'api', isRegex: false, isEqual: true },
        ],
        duration: '2h',
        comment: 'deploy in progress',
        cluster: 'main',
      },
      {
        matchers: [{ name: 'alertname', value: 'DiskFull', isRegex: false, isEqual: true }],
        duration: '2h',
        comment: 'deploy in progress',
        cluster: 'edge',
      },
    ]);
  });
});

describe('ackSummary', () => {
  it('counts what succeeded and says why the rest did not', () => {
    expect(
      ackSummary([
        acked('f1'),
        acked('f2'),
        { status: 'already', fingerprint: 'f3', message: 'acknowledged by ann' },
        { status: 'not-found', fingerprint: 'f4', message: 'resolved' },
        { status: 'failed', fingerprint: 'f5', message: 'Alertmanager refused' },
        { status: 'failed', fingerprint: 'f6', message: 'Alertmanager refused' },
      ]),
    ).toBe('2 acknowledged, 1 already acknowledged, 1 no longer firing, 2 failed (Alertmanager refused).');
  });

  it('says so when nothing happened', () => {
    expect(ackSummary([])).toBe('Nothing was done.');
  });
});

describe('silenceSummary', () => {
  it('counts created silences and failures with their reasons', () => {
    expect(
      silenceSummary([
        { status: 'fulfilled', value: {} },
        { status: 'rejected', reason: new Error('Alertmanager refused') },
        { status: 'rejected', reason: new Error('PostgreSQL failed') },
      ]),
    ).toBe('1 silence created, 2 failed (Alertmanager refused; PostgreSQL failed).');
    expect(
      silenceSummary([
        { status: 'fulfilled', value: {} },
        { status: 'fulfilled', value: {} },
      ]),
    ).toBe('2 silences created.');
  });
});
