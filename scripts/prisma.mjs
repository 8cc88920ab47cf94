#!/usr/bin/env node
// Runs the Prisma CLI offline (see prisma.config.ts): no telemetry look-up, and `generate` gets a
// placeholder DATABASE_URL because the schema's env("DATABASE_URL") must resolve although generate
// never connects.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const env = { ...process.env, CHECKPOINT_DISABLE: '1' };
if (args[0] === 'generate' && !env.DATABASE_URL)
  env.DATABASE_URL = 'postgresql://placeholder@127.0.0.1:5432/none';
const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
