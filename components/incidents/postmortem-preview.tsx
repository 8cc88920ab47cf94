import { PeopleMarkdown } from './people-markdown';

const STYLE =
  'space-y-2 text-sm break-words [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5 [&_blockquote]:border-l-2 [&_blockquote]:border-border [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-bg [&_code]:px-1 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-bg [&_pre]:p-2 [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold';

/**
 * A post-mortem section, as PeopleMarkdown renders people's text (no raw HTML, no remote images). Only
 * absolute links: the section is also exported as Markdown and read outside the console.
 */
export function PostmortemPreview({
  source,
  empty = 'Nothing written yet.',
}: {
  source: string;
  empty?: string;
}) {
  if (!source.trim()) return <p className="text-sm text-muted italic">{empty}</p>;
  return <PeopleMarkdown source={source} className={STYLE} />;
}
