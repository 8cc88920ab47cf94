'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorMessage } from '@/components/ui/error-message';
import { type ApiError, callApi } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query';
import { searchHistoryOp } from '@/lib/history/api';
import { HistoryForm } from './history-form';
import { HistoryTable } from './history-table';
import { readHistorySearch } from './history-url';

/** The history search read from the URL, its results, and "Load more" by cursor. */
export function HistoryView() {
  const search = readHistorySearch(useSearchParams());
  const query = {
    filter: search.filter,
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
  };
  const result = useInfiniteQuery({
    queryKey: queryKeys.of(searchHistoryOp, { query }),
    queryFn: ({ pageParam, signal }) =>
      callApi(
        searchHistoryOp,
        { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) } },
        { signal },
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const pages = result.data?.pages ?? [];
  const firings = pages.flatMap((p) => p.firings);
  const last = pages.at(-1);
  const fieldErrors = (result.error as ApiError | null)?.fields ?? {};
  return (
    <Card>
      <HistoryForm search={search} shown={pages[0]?.range} fieldErrors={fieldErrors} />
      {result.isPending ? (
        <p className="text-sm text-muted">Searching…</p>
      ) : result.isError ? (
        <ErrorMessage error={result.error} />
      ) : (
        <>
          <HistoryTable firings={firings} />
          <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
            <span data-testid="history-count">
              {firings.length} firing{firings.length === 1 ? '' : 's'} shown
              {last?.partial
                ? ` · stopped after reading ${last.scanned.toLocaleString('en-GB')} events; load more to search further`
                : ''}
            </span>
            {result.hasNextPage ? (
              <Button
                variant="secondary"
                onClick={() => void result.fetchNextPage()}
                disabled={result.isFetchingNextPage}
                className="max-sm:min-h-11"
              >
                {result.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            ) : null}
          </div>
        </>
      )}
    </Card>
  );
}
