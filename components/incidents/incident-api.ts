'use client';

import type { IncidentNote, IncidentSummary } from '@/lib/incidents/incident-schemas';

/** The incidents API as the browser calls it; a failure carries Vigil's message (or a field's). */

export class IncidentActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncidentActionError';
  }
}

async function send<T>(url: string, method: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) {
    const error = (answer as { error?: { message?: string; fields?: Record<string, string> } }).error;
    const field = error?.fields ? Object.values(error.fields)[0] : undefined;
    throw new IncidentActionError(
      [error?.message, field].filter(Boolean).join(' ') || `Vigil answered ${res.status}`,
    );
  }
  return answer as T;
}

const base = (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}`;

export const openIncident = (body: { title?: string; alerts: { fingerprint: string; cluster: string }[] }) =>
  send<IncidentSummary>('/api/v1/incidents', 'POST', body);

export const updateIncident = (
  id: string,
  body: { status?: string; commander?: string | null; title?: string; severity?: string },
) => send<IncidentSummary>(base(id), 'PATCH', body);

export const acknowledgeIncident = (id: string, reason?: string) =>
  send<IncidentSummary>(`${base(id)}/acknowledge`, 'POST', reason ? { reason } : {});

export const addNote = (id: string, body: string) =>
  send<IncidentNote>(`${base(id)}/notes`, 'POST', { body });

export const editNote = (id: string, noteId: string, body: string) =>
  send<IncidentNote>(`${base(id)}/notes/${encodeURIComponent(noteId)}`, 'PATCH', { body });

/** Built by the escalation feature (app/api/v1/incidents/[id]/escalate). */
export const escalateIncident = (id: string, body: { reason: string; direction: 'up' | 'down' }) =>
  send<unknown>(`${base(id)}/escalate`, 'POST', body);
