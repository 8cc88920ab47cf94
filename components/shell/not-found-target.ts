/**
 * What a not-found page at `pathname` says was not found, and where to go back to. Pure.
 *
 *   notFoundTarget('/incidents/INC-99')   → {what: 'There is no incident INC-99.', back: {href: '/incidents', label: 'All incidents'}}
 *   notFoundTarget('/runbooks/disk-ful')  → {what: 'There is no runbook "disk-ful".', back: {href: '/runbooks', label: 'All runbooks'}}
 *   notFoundTarget('/somewhere')          → {what: 'There is no page at /somewhere.', back: {href: '/', label: 'Overview'}}
 */
export function notFoundTarget(pathname: string): { what: string; back: { href: string; label: string } } {
  const [section, id] = pathname.split('/').filter(Boolean).map(decode);
  if (section === 'incidents' && id)
    return { what: `There is no incident ${id}.`, back: { href: '/incidents', label: 'All incidents' } };
  if (section === 'alerts' && id)
    return {
      what: `No alert with fingerprint ${id} has fired here: it may be from another Vigil, or mistyped.`,
      back: { href: '/alerts', label: 'All alerts' },
    };
  if (section === 'runbooks' && id)
    return { what: `There is no runbook "${id}".`, back: { href: '/runbooks', label: 'All runbooks' } };
  return { what: `There is no page at ${pathname}.`, back: { href: '/', label: 'Overview' } };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
