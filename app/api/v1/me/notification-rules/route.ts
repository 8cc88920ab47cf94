import { getMyRulesOp, replaceMyRulesOp } from '@/lib/contacts/api';
import { getMyRules, replaceMyRules } from '@/lib/contacts/rules';
import { route } from '@/lib/http/route';

export const GET = route(getMyRulesOp, async (_input, { actor }) => getMyRules(actor));

export const PUT = route(replaceMyRulesOp, async ({ body }, { actor }) => replaceMyRules(actor, body));
