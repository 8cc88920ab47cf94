import { LocalTime } from '@/components/format/local-time';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { listTokens, listUsers } from '@/lib/admin/users';
import { requirePageUser } from '@/lib/auth';
import { config } from '@/lib/config/current';
import { TokenManager } from '../tokens/_components/token-manager';
import { OncallConfigCard } from './oncall-config';
import { DisableForm, RoleForm } from './role-form';

export const metadata = { title: 'Admin' };

export default async function AdminPage() {
  const actor = await requirePageUser('admin');
  const [users, tokens] = await Promise.all([listUsers(actor), listTokens(actor)]);
  return (
    <>
      <PageHeader
        title="Admin"
        description="Users, roles and API tokens. Create users with `npm run user -- create --email … --role …`."
        actions={
          <Link href="/admin/audit" className="text-sm text-accent hover:underline">
            Audit log →
          </Link>
        }
      />
      <div className="flex flex-col gap-4">
        <Card title={`Users (${users.length})`}>
          <Table
            caption="Users"
            columns={[
              { header: 'E-mail' },
              { header: 'Last sign-in' },
              { header: 'Role' },
              { header: 'Account' },
            ]}
            rows={users}
            rowKey={(u) => u.id}
            empty="No users yet: create one with npm run user."
            renderRow={(u) => (
              <tr className="border-t border-border" data-testid={`user-${u.email}`}>
                <td className="py-1.5">
                  {u.email} {u.disabled ? <Badge tone="danger">disabled</Badge> : null}
                </td>
                <td className="py-1.5 text-muted">
                  {u.lastLoginAt ? <LocalTime at={u.lastLoginAt} /> : 'never'}
                </td>
                <td className="py-1.5">
                  <RoleForm userId={u.id} email={u.email} role={u.role} />
                </td>
                <td className="py-1.5">
                  <DisableForm userId={u.id} email={u.email} disabled={u.disabled} />
                </td>
              </tr>
            )}
          />
        </Card>
        <TokenManager
          tokens={tokens}
          users={users.map((u) => ({ id: u.id, email: u.email }))}
          canCreate
          expiryDays={config().apiTokens.defaultExpiryDays}
        />
        <OncallConfigCard />
      </div>
    </>
  );
}
