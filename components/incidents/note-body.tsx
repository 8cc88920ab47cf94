import { PeopleMarkdown } from './people-markdown';

const STYLE =
  'note-body flex flex-col gap-2 text-sm break-words [&_code]:rounded [&_code]:bg-bg [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-bg [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5';

/**
 * A note's Markdown, as PeopleMarkdown renders people's text (no raw HTML, no remote images). Notes may
 * link within the console (`/alerts?filter=…`), so relative links stay.
 */
export function NoteBody({ markdown }: { markdown: string }) {
  return <PeopleMarkdown source={markdown} className={STYLE} relativeLinks />;
}
