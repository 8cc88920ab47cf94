'use client';

import { useState } from 'react';
import { LocalTime } from '@/components/format/local-time';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import {
  createMyFeedOp,
  createScheduleFeedOp,
  listMyFeedsOp,
  listScheduleFeedsOp,
  revokeMyFeedOp,
  revokeScheduleFeedOp,
} from '@/lib/schedules/api';
import type { FeedRow } from '@/lib/schedules/schedule-schemas';

/**
 * "Subscribe in your calendar": a secret iCal feed URL of a schedule's shifts, or of your own shifts on
 * every schedule. The URL is shown once, right after it is made (only a hash of its secret is kept);
 * the list shows the feeds by their first characters, each revocable at once.
 */

const fullUrl = (feed: { path: string }) => `${window.location.origin}${feed.path}`;

export function ScheduleCalendarFeeds({ scheduleId }: { scheduleId: string }) {
  const [made, setMade] = useState<string | null>(null);
  const list = useApiQuery(listScheduleFeedsOp, { params: { id: scheduleId } });
  const create = useApiMutation(createScheduleFeedOp, { onSuccess: (feed) => setMade(fullUrl(feed)) });
  const revoke = useApiMutation(revokeScheduleFeedOp);
  return (
    <FeedPanel
      feeds={list.data?.feeds ?? []}
      made={made}
      error={list.error ?? create.error ?? revoke.error}
      onCreate={() => create.mutate({ params: { id: scheduleId } })}
      onRevoke={(feedId) => revoke.mutate({ params: { id: scheduleId, feedId } })}
    />
  );
}

export function MyCalendarFeeds() {
  const [made, setMade] = useState<string | null>(null);
  const list = useApiQuery(listMyFeedsOp, {});
  const create = useApiMutation(createMyFeedOp, { onSuccess: (feed) => setMade(fullUrl(feed)) });
  const revoke = useApiMutation(revokeMyFeedOp);
  return (
    <FeedPanel
      feeds={list.data?.feeds ?? []}
      made={made}
      error={list.error ?? create.error ?? revoke.error}
      onCreate={() => create.mutate({})}
      onRevoke={(feedId) => revoke.mutate({ params: { feedId } })}
    />
  );
}

function FeedPanel(props: {
  feeds: readonly FeedRow[];
  made: string | null;
  error: unknown;
  onCreate: () => void;
  onRevoke: (feedId: string) => void;
}) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <Button variant="secondary" className="self-start" onClick={props.onCreate}>
        Subscribe in your calendar
      </Button>
      {props.made ? (
        <div className="rounded-md border border-accent/40 bg-accent/10 p-2" data-testid="calendar-feed-url">
          <p>Add this URL to your calendar app as a subscription. It is shown once; keep it private.</p>
          <code className="block break-all text-xs">{props.made}</code>
        </div>
      ) : null}
      <ul className="flex flex-col gap-1">
        {props.feeds.map((f) => (
          <li key={f.id} className="flex flex-wrap items-center gap-2">
            <code className="text-xs">{f.prefix}…</code>
            <span className="text-muted">
              made <LocalTime at={f.createdAt} />
              {f.lastUsedAt ? (
                <>
                  , read <LocalTime at={f.lastUsedAt} />
                </>
              ) : (
                ', never read'
              )}
            </span>
            <Button
              variant="secondary"
              aria-label={`Revoke the feed ${f.prefix}`}
              onClick={() => props.onRevoke(f.id)}
            >
              Revoke
            </Button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={props.error} />
    </div>
  );
}
