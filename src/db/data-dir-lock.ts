// PGlite keeps its database in a folder that only one process may open at a time.
// The lock is held by the operating system, not by a pid file: the process listens on a local socket
// named after the folder (Linux: an abstract socket, which the kernel frees when the process dies, even by
// kill -9; elsewhere a socket file in the folder, considered stale when nobody answers on it). A crashed
// server therefore never blocks the next start, whatever process its old pid now belongs to.
// `synergy.lock` still records the holder's pid, only to name it in the message.
import { mkdirSync, realpathSync, writeFileSync, readFileSync, unlinkSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(public readonly pid: number | null, dir: string) {
    super(`The embedded database in ${dir} is in use by ${pid ? `process ${pid}` : 'another process'}. Stop that process first, ` +
      `or, to back up a running server, download a backup as an administrator: GET /api/admin/backup ` +
      `(e.g. curl -b 'synergy_session=…' -o backup.jsonl.gz <PUBLIC_URL>/api/admin/backup), or set DATABASE_URL to use PostgreSQL.`);
  }
}

function socketName(dir: string): string {
  const real = realpathSync(dir);
  if (process.platform === 'linux') return `\0synergy-data-${createHash('sha256').update(real).digest('hex').slice(0, 40)}`;
  return process.platform === 'win32' ? `\\\\.\\pipe\\synergy-${createHash('sha256').update(real).digest('hex').slice(0, 40)}` : join(real, 'synergy.sock');
}

const listen = (server: Server, name: string) => new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(name, () => { server.off('error', reject); resolve(); });
});

const answers = (name: string) => new Promise<boolean>((resolve) => {
  const s = connect(name, () => { s.destroy(); resolve(true); });
  s.once('error', () => resolve(false));
});

function recordedPid(file: string): number | null {
  try { return Number(readFileSync(file, 'utf8').trim()) || null; } catch { return null; }
}

export async function lockDataDir(dir: string): Promise<() => void> {
  mkdirSync(dir, { recursive: true });
  const name = socketName(dir);
  const pidFile = join(dir, 'synergy.lock');
  const server = createServer((s) => s.destroy());
  try {
    await listen(server, name);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    // A socket file nobody answers on is left over from a crash (abstract sockets never are).
    if (name.startsWith('\0') || name.startsWith('\\\\') || (await answers(name))) throw new DataDirLockedError(recordedPid(pidFile), dir);
    unlinkSync(name);
    try { await listen(server, name); } catch { throw new DataDirLockedError(recordedPid(pidFile), dir); }
  }
  server.unref(); // the lock never keeps the process alive
  writeFileSync(pidFile, String(process.pid));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    server.close();
    if (recordedPid(pidFile) === process.pid) { try { unlinkSync(pidFile); } catch { /* already gone */ } }
  };
}
