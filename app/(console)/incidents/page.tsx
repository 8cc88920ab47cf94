import { UnbuiltView } from '@/components/shell/unbuilt-view';
import { requirePageUser } from '@/lib/auth';

export const metadata = { title: 'Incidents' };

export default async function IncidentsPage() {
  await requirePageUser();
  return <UnbuiltView title="Incidents" />;
}
