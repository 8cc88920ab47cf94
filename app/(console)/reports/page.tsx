import { Suspense } from 'react';
import { ReportsView } from '@/components/reports/reports-view';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { readerZone } from '@/lib/reports/reports';

export const metadata = { title: 'Reports' };

/**
 * The noise reports. Their state is the URL, `/reports?from=<day>&to=<day>&zone=&by=&measure=`
 * (components/reports/reports-url.ts), so a report can be shared, bookmarked and reloaded.
 */
export default async function ReportsPage() {
  const actor = await requirePageUser();
  const zone = await readerZone(actor);
  return (
    <>
      <PageHeader
        title="Reports"
        description="What paged us most, what flaps, how fast we acknowledge: each row links to the history behind it."
      />
      {/* useSearchParams (the URL is the state) needs a Suspense boundary in a static render. */}
      <Suspense>
        <ReportsView profileZone={zone} nowMs={Date.now()} />
      </Suspense>
    </>
  );
}
