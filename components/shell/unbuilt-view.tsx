import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';

/** A navigation target whose view is not built yet: says so plainly instead of showing empty data. */
export function UnbuiltView({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <p className="text-sm text-muted">This view is not built yet in this version of Vigil.</p>
      </Card>
    </>
  );
}
