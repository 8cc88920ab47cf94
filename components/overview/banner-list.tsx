import type { Banner } from '@/lib/overview/api-schema';

/** Upstream failures, each with what to do and how old the data still shown is. */
export function BannerList({ banners }: { banners: Banner[] }) {
  if (banners.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2" aria-label="Upstream problems">
      {banners.map((b) => (
        <li
          key={`${b.upstream}-${b.message}`}
          role={b.level === 'error' ? 'alert' : 'status'}
          data-testid="upstream-banner"
          className={`rounded-md border p-3 text-sm ${b.level === 'error' ? 'border-danger/50 bg-danger/5' : 'border-warn/50 bg-warn/5'}`}
        >
          <p className="font-medium">
            {b.upstream}: {b.message}
          </p>
          {b.hint ? <p className="text-muted">{b.hint}</p> : null}
          {b.level === 'error' ? (
            <p className="text-muted">
              {b.ageSeconds === undefined
                ? 'No data from it yet.'
                : `Showing its last good data, ${b.ageSeconds} s old.`}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
