'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/silences', label: 'Silences' },
  { href: '/incidents', label: 'Incidents' },
  { href: '/postmortems', label: 'Post-mortems' },
  { href: '/runbooks', label: 'Runbooks' },
];

export function NavLinks({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const links = isAdmin
    ? [...LINKS, { href: '/admin', label: 'Admin' }, { href: '/admin/audit', label: 'Audit' }]
    : LINKS;
  // The longest matching link is the current one: /admin/audit is Audit, not Admin as well.
  const current = links
    .map((l) => l.href)
    .filter((href) => (href === '/' ? pathname === '/' : pathname.startsWith(href)))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="Main" className="flex gap-1 text-sm">
      {links.map((l) => {
        const active = l.href === current;
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? 'page' : undefined}
            className={`rounded px-2 py-1 ${active ? 'bg-bg font-medium' : 'text-muted hover:text-fg'}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
