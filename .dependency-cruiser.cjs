// @ts-check

/**
 * Folders depend one way (`npm run lint:deps`, part of `npm run lint`): infrastructure (config, db,
 * upstream clients, snapshots) below the domain (alerts, incidents, escalation) below the screens. README's
 * Architecture section draws the folder graph. What the browser may reach is checked by
 * .dependency-cruiser-browser.cjs, which shares these options.
 */

/** @type {import('dependency-cruiser').ICruiseOptions} */
const options = {
  tsConfig: { fileName: 'tsconfig.json' },
  // Type-only imports count here: a folder that needs another's types depends on it.
  tsPreCompilationDeps: true,
  // Tests are leaves (nothing imports them), so they cannot close a cycle; the server-only stub is theirs.
  exclude: { path: ['\\.test\\.tsx?$', '^lib/testing/'] },
  doNotFollow: { path: ['node_modules', '^lib/generated/'] },
};

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment:
        'A folder of lib/ (or components/) reaches another folder that reaches it back. Move the shared piece down, or let the lower folder call back a hook registered at start-up (lib/server/poll-hooks.ts).',
      severity: 'error',
      // Each folder with everything under it; a module directly in lib/ (db.ts, auth.ts) belongs to lib.
      scope: 'folder',
      from: { path: '^(lib|components)/[^/]+$' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      comment: 'Modules that import each other, directly or through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options,
};
