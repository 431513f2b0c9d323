// `npm start` builds the web app once when dist/web is missing or older than its sources.
// The fingerprint covers file names, sizes and modification times of everything the bundle reads.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist', 'web');
const STAMP = join(DIST, '.build-stamp');
const SOURCES = ['web', 'locales', 'src/shared', 'package-lock.json'];

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) { for (const f of readdirSync(p).sort()) if (f !== 'node_modules') walk(join(p, f), out); }
  else out.push(`${relative(ROOT, p)}:${st.size}:${Math.floor(st.mtimeMs)}`);
}

export function webFingerprint(): string {
  const entries: string[] = [];
  for (const s of SOURCES) walk(join(ROOT, s), entries);
  return createHash('sha256').update(entries.join('\n')).digest('hex');
}

export function webBuildIsFresh(): boolean {
  return existsSync(join(DIST, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === webFingerprint();
}

/** Builds the web app if needed; returns whether a build ran. Throws when the build fails. */
export function ensureWebBuilt(log?: Logger, force = false): boolean {
  if (!force && webBuildIsFresh()) return false;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    if (existsSync(join(DIST, 'index.html'))) { log?.warn('vite is not installed; serving the existing web build'); return false; }
    throw new Error('The web app is not built and vite is not installed. Run `npm install` (with dev dependencies).');
  }
  log?.info('building the web app (first start or sources changed)…');
  const t0 = Date.now();
  const fingerprint = webFingerprint();
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('The web build failed (see the output above).');
  writeFileSync(STAMP, fingerprint);
  log?.info({ ms: Date.now() - t0 }, 'web app built');
  return true;
}
