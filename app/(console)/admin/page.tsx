import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listTokens, listUsers } from '@/lib/admin/users';
import { requirePageUser } from '@/lib/auth';
import { TokenManager } from '../tokens/_components/token-manager';
import { RoleForm } from './role-form';

export const metadata = { title: 'Admin' };

export default async function AdminPage() {
  await requirePageUser('admin');
  const [users, tokens] = await Promise.all([listUsers(), listTokens()]);
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
          <table className="w-full text-left text-sm">
            <thead className="text-muted">
              <tr>
                <th className="py-1 font-medium">E-mail</th>
                <th className="py-1 font-medium">Last sign-in</th>
                <th className="py-1 font-medium">Role</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-t border-border" data-testid={`user-${u.email}`}>
                  <td className="py-1.5">
                    {u.email} {u.disabled ? <Badge tone="danger">disabled</Badge> : null}
                  </td>
                  <td className="py-1.5 text-muted">
                    {u.lastLoginAt ? u.lastLoginAt.toISOString().replace('T', ' ').slice(0, 16) : 'never'}
                  </td>
                  <td className="py-1.5">
                    <RoleForm userId={u.id} email={u.email} role={u.role} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <TokenManager tokens={tokens} users={users.map((u) => ({ id: u.id, email: u.email }))} canCreate />
      </div>
    </>
  );
}
