import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';

/**
 * A note's Markdown, rendered without raw HTML: react-markdown (without rehype-raw) turns HTML in the
 * source into text, so `<script>` or `<img onerror>` show as what was typed and never run. Links and
 * images may only point to http(s) and mailto URLs; anything else (javascript:, data:) is dropped.
 */
export function NoteBody({ markdown }: { markdown: string }) {
  return (
    <div className="note-body flex flex-col gap-2 text-sm break-words [&_a]:text-accent [&_a]:underline [&_code]:rounded [&_code]:bg-bg [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-bg [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown urlTransform={safeUrl}>{markdown}</ReactMarkdown>
    </div>
  );
}

/**
 * Keeps http(s), mailto and relative URLs (react-markdown's own safe-protocol check), and refuses
 * the rest.
 *
 *   safeUrl('https://grafana.example/d/abc') → 'https://grafana.example/d/abc'
 *   safeUrl('javascript:alert(1)') → ''
 *   safeUrl('data:text/html,…') → ''
 */
export function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  if (!cleaned) return '';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme === undefined || ['http', 'https', 'mailto'].includes(scheme) ? cleaned : '';
}
