import { Suspense } from 'react';
import { HistoryView } from '@/components/history/history-view';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';

export const metadata = { title: 'History' };

/**
 * Past and current firings across alerts. Its state is the URL, `/history?filter=…&from=…&to=…` (ISO
 * instants), which other pages link to (the noise reports): keep that shape.
 */
export default async function HistoryPage() {
  await requirePageUser('viewer');
  return (
    <>
      <PageHeader
        title="History"
        description="Every firing Vigil stored, resolved or still firing, by label matchers and time range: how long it lasted, who acknowledged it, the silences and incidents it was part of."
      />
      {/* useSearchParams (the URL is the state) needs a Suspense boundary in a static render. */}
      <Suspense>
        <HistoryView />
      </Suspense>
    </>
  );
}
