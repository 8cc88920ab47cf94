import { StatusDot } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { upstreamHealth } from '@/lib/upstreams/health';

export default async function OverviewPage() {
  await requirePageUser();
  const health = await upstreamHealth();
  return (
    <>
      <PageHeader title="Overview" description="What Vigil reads from, and whether it answers." />
      <Card title="Upstreams">
        <table className="w-full text-left text-sm">
          <thead className="text-muted">
            <tr>
              <th className="py-1 font-medium">Upstream</th>
              <th className="py-1 font-medium">Address</th>
              <th className="py-1 font-medium">State</th>
            </tr>
          </thead>
          <tbody>
            {health.upstreams.map((u) => (
              <tr key={`${u.kind}-${u.name}`} className="border-t border-border">
                <td className="py-1.5">
                  <StatusDot tone={u.ok ? 'ok' : 'danger'} label={`${u.kind} ${u.name}`} />
                </td>
                <td className="py-1.5 font-mono text-xs">{u.address}</td>
                <td className="py-1.5">{u.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
