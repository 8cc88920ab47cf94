import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';

export const metadata = { title: 'Runbooks' };

export default async function RunbooksPage() {
  await requirePageUser();
  return (
    <>
      <PageHeader title="Runbooks" />
      <Card>
        <p className="text-sm text-muted">This view is not built yet in this version of Vigil.</p>
      </Card>
    </>
  );
}
