'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import type { Theme } from './theme';
import { ThemeSwitch } from './theme-switch';
import { TimeZoneSwitch } from './time-zone-switch';

export function UserMenu(props: {
  email: string;
  name: string | null;
  role: string;
  theme: Theme;
  signOut: () => Promise<void>;
}) {
  return (
    <details className="relative text-sm">
      <summary
        className="flex min-h-11 cursor-pointer list-none items-center rounded px-2 hover:bg-bg lg:min-h-0 lg:py-1"
        aria-label="User menu"
      >
        {/* A phone's header has room for the start of a name only; the menu shows it whole. */}
        <span className="block max-w-[6rem] truncate sm:max-w-none">{props.name ?? props.email}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 flex w-[min(16rem,calc(100vw-1.5rem))] flex-col gap-2 rounded-md border border-border bg-surface p-3 shadow-lg">
        <div>
          <div className="font-medium">{props.email}</div>
          <Badge tone="accent">{props.role}</Badge>
        </div>
        <Link href="/people/me" className="text-accent hover:underline">
          Your profile and time zone
        </Link>
        <Link href="/tokens" className="text-accent hover:underline">
          API tokens
        </Link>
        <ThemeSwitch initial={props.theme} />
        <TimeZoneSwitch />
        <form action={props.signOut}>
          <Button type="submit" variant="secondary" className="w-full">
            Sign out
          </Button>
        </form>
      </div>
    </details>
  );
}
