import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';

export const metadata = { title: 'Alerts' };

export default async function AlertsPage() {
  await requirePageUser();
  return (
    <>
      <PageHeader title="Alerts" />
      <Card>
        <p className="text-sm text-muted">This view is not built yet in this version of Vigil.</p>
      </Card>
    </>
  );
}
