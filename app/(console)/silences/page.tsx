import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';

export const metadata = { title: 'Silences' };

export default async function SilencesPage() {
  await requirePageUser();
  return (
    <>
      <PageHeader title="Silences" />
      <Card>
        <p className="text-sm text-muted">This view is not built yet in this version of Vigil.</p>
      </Card>
    </>
  );
}
