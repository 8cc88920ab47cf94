import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';

/** The document itself (this module exports operations only; lib/openapi/operations.ts collects them). */
export const openApiDocumentOp = defineOperation({
  method: 'GET',
  path: '/api/v1/openapi.json',
  tag: 'operations',
  summary: 'This document',
  role: 'viewer',
  response: { schema: z.object({ openapi: z.string() }).loose() },
});
