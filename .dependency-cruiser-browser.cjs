// @ts-check
const { readdirSync, readFileSync } = require('node:fs');
const { builtinModules } = require('node:module');
const path = require('node:path');
const layering = require('./.dependency-cruiser.cjs');

/**
 * Nothing the browser loads reaches server code (`npm run lint:deps`): no module marked
 * `import 'server-only'`, no database client (@/lib/db, Prisma, pg), no Node.js built-in. Only imports
 * that survive compilation count: `import type` is erased, so a client module may name a server
 * module's types.
 */

const SOURCE = /\.tsx?$/;
// A directive is the first statement of a module; only comments may come before it.
const directive = (name) =>
  new RegExp(`^(?:\\s*//[^\\n]*\\n|\\s*/\\*[\\s\\S]*?\\*/)*\\s*['"]use ${name}['"]`);

/** The source files under `dir` that start with the directive, as depcruise names them. */
function filesWith(dir, pattern) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => path.posix.join(dir, file.split(path.sep).join('/')))
    .filter((file) => SOURCE.test(file) && !file.startsWith('lib/generated/'))
    .filter((file) => pattern.test(readFileSync(file, 'utf8')));
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (files) => `^(${files.map(escapeRegExp).join('|')})$`;
const roots = ['app', 'components', 'lib'];

/** What the browser loads: shared components, 'use client' modules, the API client and every operation. */
const fromBrowser = {
  path: [
    '^components/',
    '^lib/api/(client|query|operation|error-body)\\.ts$',
    '^lib/[^/]+/api\\.ts$',
    anyOf(roots.flatMap((dir) => filesWith(dir, directive('client')))),
  ],
};
/**
 * Server actions: a client module may import them (Next sends the browser a reference, not their code),
 * so the search for what the browser reaches stops at them.
 */
const serverActions = roots.flatMap((dir) => filesWith(dir, directive('server')));
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_')).map(escapeRegExp);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'browser-not-to-server-only',
      comment:
        "Browser code reaches a module marked import 'server-only'. Move what the browser needs (a schema, a pure function) to a client-safe module, e.g. a feature's *-schema.ts.",
      severity: 'error',
      from: fromBrowser,
      to: { path: '^node_modules/server-only/', reachable: true },
    },
    {
      name: 'browser-not-to-database',
      comment: 'Browser code reaches the database client (@/lib/db, Prisma, pg).',
      severity: 'error',
      from: fromBrowser,
      to: {
        path: '^(lib/db[.]ts|lib/db/|lib/generated/prisma/|node_modules/(@prisma|prisma|pg)/)',
        reachable: true,
      },
    },
    {
      name: 'browser-not-to-node-builtins',
      comment:
        'Browser code reaches a Node.js built-in (node:fs, node:crypto, …), which browsers do not have.',
      severity: 'error',
      from: fromBrowser,
      to: { path: `^(node:)?(${nodeBuiltins.join('|')})$`, reachable: true },
    },
  ],
  options: {
    ...layering.options,
    tsPreCompilationDeps: false,
    doNotFollow: {
      path: [...layering.options.doNotFollow.path, ...serverActions.map((file) => `^${escapeRegExp(file)}$`)],
    },
  },
};
