import { PageHeader } from '@/components/ui/page-header';
import { listTokens } from '@/lib/admin/users';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';
import { config } from '@/lib/config/current';
import { TokenManager } from './_components/token-manager';

export const metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const user = await requirePageUser();
  const tokens = await listTokens(user);
  return (
    <>
      <PageHeader
        title="API tokens"
        description='Send a token as "Authorization: Bearer <token>"; it acts with your role until it expires or is revoked.'
      />
      <TokenManager
        tokens={tokens}
        canCreate={hasRole(user.role, 'responder')}
        expiryDays={config().apiTokens.defaultExpiryDays}
      />
    </>
  );
}
