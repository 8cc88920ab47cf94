import { openApiDocument } from '@/lib/openapi/document';
import { openApiDocumentOp } from '@/lib/openapi/api';
import { route } from '@/lib/http/route';

/** The OpenAPI 3.1 description of the whole API, generated from the operations. */
export const GET = route(openApiDocumentOp, async () => openApiDocument());
