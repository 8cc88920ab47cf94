'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Link } from '@/components/ui/link';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/silences', label: 'Silences' },
  { href: '/incidents', label: 'Incidents' },
  { href: '/history', label: 'History' },
  { href: '/oncall', label: 'On call' },
  { href: '/escalation', label: 'Escalation' },
  { href: '/postmortems', label: 'Post-mortems' },
  { href: '/runbooks', label: 'Runbooks' },
  { href: '/reports', label: 'Reports' },
];

/**
 * The main navigation: a row of links on a wide screen; below `lg` one "Menu" button that opens them as
 * a column of full-width, thumb-sized links (a row of eight links would push a phone's page sideways).
 */
export function NavLinks({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // A link followed inside the open menu closes it: the layout (and this menu) stays mounted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the effect of a new path.
  useEffect(() => setOpen(false), [pathname]);
  const links = isAdmin
    ? [...LINKS, { href: '/admin', label: 'Admin' }, { href: '/admin/audit', label: 'Audit' }]
    : LINKS;
  // The longest matching link is the current one: /admin/audit is Audit, not Admin as well.
  const current = links
    .map((l) => l.href)
    .filter((href) => (href === '/' ? pathname === '/' : pathname.startsWith(href)))
    .sort((a, b) => b.length - a.length)[0];
  const items = (narrow: boolean) =>
    links.map((l) => {
      const active = l.href === current;
      return (
        <Link
          key={l.href}
          href={l.href}
          aria-current={active ? 'page' : undefined}
          className={`rounded px-2 py-1 ${narrow ? 'flex min-h-11 items-center px-3' : ''} ${active ? 'bg-bg font-medium' : 'text-muted hover:text-fg'}`}
        >
          {l.label}
        </Link>
      );
    });
  return (
    <nav aria-label="Main" className="text-sm">
      <div className="hidden gap-1 lg:flex">{items(false)}</div>
      <div className="relative lg:hidden">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="main-menu"
          onClick={() => setOpen((o) => !o)}
          className="flex min-h-11 items-center gap-1.5 rounded-md border border-border px-3 font-medium hover:bg-bg"
        >
          <span aria-hidden>☰</span> Menu
        </button>
        {open ? (
          <div
            id="main-menu"
            className="absolute left-0 z-20 mt-1 flex w-56 flex-col rounded-md border border-border bg-surface p-1 shadow-lg"
          >
            {items(true)}
          </div>
        ) : null}
      </div>
    </nav>
  );
}
