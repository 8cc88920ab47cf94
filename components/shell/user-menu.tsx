'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ThemeSwitch } from './theme-switch';
import { TimeZoneSwitch } from './time-zone-switch';

export function UserMenu(props: {
  email: string;
  name: string | null;
  role: string;
  signOut: () => Promise<void>;
}) {
  return (
    <details className="relative text-sm">
      <summary className="cursor-pointer list-none rounded px-2 py-1 hover:bg-bg" aria-label="User menu">
        {props.name ?? props.email}
      </summary>
      <div className="absolute right-0 mt-1 flex w-64 flex-col gap-2 rounded-md border border-border bg-surface p-3 shadow-lg">
        <div>
          <div className="font-medium">{props.email}</div>
          <Badge tone="accent">{props.role}</Badge>
        </div>
        <Link href="/tokens" className="text-accent hover:underline">
          API tokens
        </Link>
        <ThemeSwitch />
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
