import { route } from '@/lib/http/route';
import { profileOp } from '@/lib/people/api';
import { profile } from '@/lib/people/people';

export const GET = route(profileOp, async ({ params }, { actor }) => profile(actor, params.id));
