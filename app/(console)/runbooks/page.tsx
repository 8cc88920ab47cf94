import { UnbuiltView } from '@/components/shell/unbuilt-view';
import { requirePageUser } from '@/lib/auth';

export const metadata = { title: 'Runbooks' };

export default async function RunbooksPage() {
  await requirePageUser();
  return <UnbuiltView title="Runbooks" />;
}
