'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { PostmortemPreview } from './postmortem-preview';

/** One section: a Markdown textarea with a preview toggle, or only the rendered text when read-only. */
export function PostmortemSectionField({
  id,
  title,
  value,
  readOnly,
  onChange,
}: {
  id: string;
  title: string;
  value: string;
  readOnly: boolean;
  onChange: (value: string) => void;
}) {
  const [preview, setPreview] = useState(false);
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-1">
      <div className="flex items-center justify-between">
        <h2 id={`${id}-title`} className="text-sm font-semibold">
          {readOnly ? title : <label htmlFor={id}>{title}</label>}
        </h2>
        {readOnly ? null : (
          <Button
            variant="ghost"
            aria-pressed={preview}
            aria-controls={id}
            onClick={() => setPreview(!preview)}
          >
            {preview ? 'Edit' : 'Preview'}
          </Button>
        )}
      </div>
      {readOnly || preview ? (
        <div className="rounded-md border border-border bg-surface p-3" data-testid={`${id}-preview`}>
          <PostmortemPreview source={value} />
        </div>
      ) : (
        <textarea
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          rows={Math.min(14, Math.max(4, value.split('\n').length + 1))}
          className="w-full rounded-md border border-border bg-surface px-2.5 py-1.5 font-mono text-sm focus-visible:outline-2 focus-visible:outline-accent"
        />
      )}
    </section>
  );
}
