import { route } from '@/lib/http/route';
import { openActionItemsOp } from '@/lib/postmortems/api';
import { openActionItems } from '@/lib/postmortems/lists';

export const GET = route(openActionItemsOp, async (_input, { actor }) => openActionItems(actor));
