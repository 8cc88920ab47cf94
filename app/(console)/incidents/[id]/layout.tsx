import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requirePageUser } from '@/lib/auth';
import { NotFoundError } from '@/lib/errors';
import { incidentRef } from '@/lib/incidents/incidents';

/**
 * An unknown incident is a 404 for the incident page and its post-mortem. The check is here, above
 * loading.tsx's boundary: a page's notFound() comes after the loading state has streamed with a 200, so
 * /incidents/INC-999 answered 200 with the not-found text, which links checkers and monitors read as fine.
 * One indexed lookup by number; the page then reads the incident itself.
 */
export default async function IncidentLayout({
  params,
  children,
}: {
  params: Promise<{ id: string }>;
  children: ReactNode;
}) {
  const actor = await requirePageUser();
  const { id } = await params;
  await incidentRef(actor, decodeURIComponent(id)).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return children;
}
