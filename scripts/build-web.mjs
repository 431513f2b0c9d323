#!/usr/bin/env node
// Builds the web app after `npm install` (the package's prepare script), so that `npm start`
// finds it fresh. Skipped quietly where vite is absent (production installs without dev deps).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('node_modules/vite/bin/vite.js') || !existsSync('node_modules/tsx')) process.exit(0);
const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', "const m = await import('./src/server/web-build.ts'); m.ensureWebBuilt(undefined, process.argv.includes('--force'));"], { stdio: 'inherit' });
process.exit(r.status ?? 1);
