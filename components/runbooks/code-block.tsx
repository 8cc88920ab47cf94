'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * A shell command or code block with a copy button. The code arrives as a finished string (labels
 * already substituted on the server) and is rendered as text.
 */
export function CodeBlock({ code, language }: { code: string; language: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      // Clipboard access needs a secure context (HTTPS or localhost); say so instead of pretending.
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <div className="group relative my-2" data-testid="runbook-command">
      <pre
        className="overflow-x-auto rounded-md bg-bg p-3 pr-20 font-mono text-xs"
        data-language={language || undefined}
      >
        <code>{code}</code>
      </pre>
      <Button variant="secondary" className="absolute top-1.5 right-1.5 px-2 py-0.5 text-xs" onClick={copy}>
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select and copy' : 'Copy'}
      </Button>
      <span className="sr-only" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard' : ''}
      </span>
    </div>
  );
}
