// PGlite keeps its database in a folder that only one process may open at a time.
// A lock file with the owner's pid stops a second server or a CLI command from corrupting it.
import { mkdirSync, readFileSync, writeFileSync, unlinkSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(public readonly pid: number, dir: string) {
    super(`The embedded database in ${dir} is in use by process ${pid}. Stop that process first ` +
      `(or, for a running server, use the admin backup in the web interface), or set DATABASE_URL to use PostgreSQL.`);
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'synergy.lock');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && alive(pid)) throw new DataDirLockedError(pid, dir);
  }
  writeFileSync(file, String(process.pid));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try { if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file); } catch { /* already gone */ }
  };
  process.once('exit', release);
  return release;
}
