#!/usr/bin/env node
// `npm run demo`: the one command that brings up a working console on a fresh machine. Plain Node
// (no dependencies) because it runs before `npm install` may have happened: it installs what is
// missing, then hands over to scripts/demo.ts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const needsInstall =
  !existsSync('node_modules/.package-lock.json') ||
  statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs ||
  !existsSync('node_modules/.bin/tsx');
if (needsInstall) {
  console.log('Installing npm packages (npm install with the committed lockfile)…');
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const demo = spawn('node_modules/.bin/tsx', ['scripts/demo.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// A signal sent to this process alone (`kill <pid>`, a service manager, a closed terminal) must stop the
// stack too: the demo stops everything it started on SIGINT or SIGTERM, once however often it is told.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(signal, () => demo.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal));
demo.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
