import { isValidElement, type ReactNode } from 'react';

/**
 * The text of rendered MDX children: what a fenced code block inside `<Command>` holds, for example.
 * MDX hands components elements (`<pre><code>…</code></pre>`), not strings. Pure.
 *
 *   textOf(<pre><code className="language-sh">{'df -h\n'}</code></pre>) → 'df -h\n'
 *   textOf(['a', 1, null, <b>c</b>]) → 'a1c'
 */
export function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

/**
 * The language of a fenced block from its `code` element's class (`language-sh` → `sh`), or ''.
 */
export function languageOf(node: ReactNode): string {
  const child = Array.isArray(node) ? node.find(isValidElement) : node;
  if (!isValidElement<{ className?: string }>(child)) return '';
  return /(?:^|\s)language-(\S+)/.exec(child.props.className ?? '')?.[1] ?? '';
}
