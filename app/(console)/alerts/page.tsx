import { UnbuiltView } from '@/components/shell/unbuilt-view';
import { requirePageUser } from '@/lib/auth';

export const metadata = { title: 'Alerts' };

export default async function AlertsPage() {
  await requirePageUser();
  return <UnbuiltView title="Alerts" />;
}
