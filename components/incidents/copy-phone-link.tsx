'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { Input } from '@/components/ui/field';
import { issueActionLinksOp } from '@/lib/actions/api';
import { useApiMutation } from '@/lib/api/query';

/**
 * "Copy phone link": your own signed acknowledge link for this incident (POST …/action-links), copied
 * to the clipboard to send to your phone, where it acknowledges with one tap without signing in. The
 * link acts only while the incident stays as it is now, so the button is offered on an open incident.
 * Clipboard access needs a secure context and, in some browsers, a click not followed by a request; when
 * it is refused the link is shown to copy by hand instead of pretending.
 */
export function CopyPhoneLink({ incidentId }: { incidentId: string }) {
  const [result, setResult] = useState<{ copied: boolean; url: string } | null>(null);
  const issue = useApiMutation(issueActionLinksOp, {
    onSuccess: async ({ acknowledgeUrl }) => {
      try {
        await navigator.clipboard.writeText(acknowledgeUrl);
        setResult({ copied: true, url: acknowledgeUrl });
      } catch {
        setResult({ copied: false, url: acknowledgeUrl });
      }
    },
  });

  return (
    <div className="flex flex-col gap-2" data-testid="copy-phone-link">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          disabled={issue.isPending}
          onClick={() => {
            setResult(null);
            issue.mutate({ params: { id: incidentId }, body: {} });
          }}
        >
          {issue.isPending ? 'Making the link…' : 'Copy phone link'}
        </Button>
        <p role="status" className="text-sm text-muted">
          {result?.copied
            ? 'Phone link copied: open it on your phone to acknowledge without signing in.'
            : result
              ? 'The browser refused the clipboard; copy the link below.'
              : ''}
        </p>
      </div>
      {result && !result.copied ? (
        <Input
          aria-label="Phone link"
          readOnly
          value={result.url}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full"
        />
      ) : null}
      <ErrorMessage error={issue.error} />
    </div>
  );
}
