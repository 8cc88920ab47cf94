import Markdown, { type Components } from 'react-markdown';

/**
 * A post-mortem section rendered from Markdown. People's text is never HTML here: react-markdown
 * builds React elements from the Markdown tree, raw HTML in the text is shown as text (there is no
 * rehype-raw, and none may be added), links keep only http(s) and mailto URLs, and images are not
 * loaded (a remote image in a post-mortem would tell its host who read it, and when).
 *
 *   safeUrl('https://grafana.example.com/d/1') → 'https://grafana.example.com/d/1'
 *   safeUrl('javascript:alert(1)')              → ''
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : '';
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-accent underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
};

const STYLE =
  'space-y-2 text-sm break-words [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5 [&_blockquote]:border-l-2 [&_blockquote]:border-border [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-bg [&_code]:px-1 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-bg [&_pre]:p-2 [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold';

export function PostmortemPreview({
  source,
  empty = 'Nothing written yet.',
}: {
  source: string;
  empty?: string;
}) {
  if (!source.trim()) return <p className="text-sm text-muted italic">{empty}</p>;
  return (
    <div className={STYLE}>
      <Markdown urlTransform={safeUrl} disallowedElements={['img']} components={components}>
        {source}
      </Markdown>
    </div>
  );
}
