import { UnbuiltView } from '@/components/shell/unbuilt-view';
import { requirePageUser } from '@/lib/auth';

export const metadata = { title: 'Silences' };

export default async function SilencesPage() {
  await requirePageUser();
  return <UnbuiltView title="Silences" />;
}
