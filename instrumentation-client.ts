import { z } from 'zod';

// Runs in the browser before any of the console's modules. Zod compiles object parsers with
// `new Function` where eval is allowed and probes for it when a schema is built; the pages'
// Content-Security-Policy forbids eval (lib/http/security-headers.ts), so the probe would be reported
// as a violation on every page. Jitless, zod parses without the probe (the server keeps its compiler).
z.config({ jitless: true });
