import { notFound } from 'next/navigation';
import { AlertDetailView } from '@/components/alerts/alert-detail';
import { Link } from '@/components/ui/link';
import { isKnownAlert } from '@/lib/alerts/known-alert';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';

export const metadata = { title: 'Alert' };

export default async function AlertPage({ params }: { params: Promise<{ fingerprint: string }> }) {
  const actor = await requirePageUser();
  const { fingerprint } = await params;
  if (!(await isKnownAlert(fingerprint))) notFound();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-3">
      <Link
        href={`/alerts?alert=${encodeURIComponent(fingerprint)}`}
        className="text-sm text-accent hover:underline"
      >
        ← All alerts
      </Link>
      <div className="rounded-lg border border-border bg-surface p-4">
        <AlertDetailView fingerprint={fingerprint} canAct={hasRole(actor.role, 'responder')} />
      </div>
    </div>
  );
}
