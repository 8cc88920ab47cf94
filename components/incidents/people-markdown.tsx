import type { ReactNode } from 'react';
import Markdown, { type Components, defaultUrlTransform } from 'react-markdown';

/**
 * Markdown people wrote (incident notes, post-mortem sections), rendered so that it can neither run nor
 * report on its readers. react-markdown builds React elements from the Markdown tree: raw HTML in the
 * text shows as text (there is no rehype-raw, and none may be added); links keep only http(s) and mailto
 * URLs (and relative ones where `relativeLinks`), open in a new tab and send no referrer; images are
 * never loaded: a remote image would tell its host who read the incident, and when. An image becomes a
 * link to it instead, so the reader can still open it on purpose.
 *
 *   ![latency](https://grafana.example/render/1.png) → <a href="https://grafana.example/render/1.png">image: latency</a>
 */
export function PeopleMarkdown({
  source,
  className,
  relativeLinks = false,
}: {
  source: string;
  className: string;
  relativeLinks?: boolean;
}) {
  return (
    <div className={className}>
      <Markdown urlTransform={(url) => safeUrl(url, { relativeLinks })} components={components}>
        {source}
      </Markdown>
    </div>
  );
}

/**
 * Keeps http(s) and mailto URLs, and relative ones when asked (react-markdown's own safe-protocol check
 * first); anything else (javascript:, data:, vbscript:) becomes '', which renders no link.
 *
 *   safeUrl('https://grafana.example/d/abc')           → 'https://grafana.example/d/abc'
 *   safeUrl('/alerts?filter=x')                        → ''
 *   safeUrl('/alerts?filter=x', { relativeLinks: true }) → '/alerts?filter=x'
 *   safeUrl('javascript:alert(1)')                     → ''
 */
export function safeUrl(url: string, { relativeLinks = false } = {}): string {
  const cleaned = defaultUrlTransform(url.trim());
  if (!cleaned) return '';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined) return relativeLinks ? cleaned : '';
  return ['http', 'https', 'mailto'].includes(scheme) ? cleaned : '';
}

const link = (href: string | undefined, children: ReactNode) =>
  href ? (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-accent underline">
      {children}
    </a>
  ) : (
    <span>{children}</span>
  );

const components: Components = {
  a: ({ href, children }) => link(href, children),
  img: ({ src, alt }) => link(typeof src === 'string' ? src : undefined, `image: ${alt || 'untitled'}`),
};
