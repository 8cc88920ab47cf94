import { formatSilenceMatchers, type SilenceMatcher } from '@/lib/alertmanager/silence-matchers';

/** A silence's matchers as chips, each written as amtool does (`instance=~"db-.*"`). */
export function MatcherChips({ matchers, id }: { matchers: readonly SilenceMatcher[]; id?: string }) {
  return (
    <ul id={id} aria-label="Matchers" className="flex flex-wrap gap-1">
      {matchers.map((m) => {
        const text = formatSilenceMatchers([m]);
        return (
          <li
            key={text}
            className="rounded border border-border bg-bg px-1.5 py-0.5 font-mono text-xs break-all"
          >
            {text}
          </li>
        );
      })}
    </ul>
  );
}
