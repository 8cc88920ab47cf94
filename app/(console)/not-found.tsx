import { NotFoundView } from '@/components/shell/not-found-view';

/** Unknown incidents, alerts and runbooks (their pages call notFound()), inside the console's frame. */
export default function ConsoleNotFound() {
  return <NotFoundView />;
}
