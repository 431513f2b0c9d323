// How the embedded database (PGlite) reaches the disk.
// PGlite starts PostgreSQL with fsync off (`-F`), and in its WebAssembly build fsync()/fdatasync() never
// reach the operating system anyway, so by default an acknowledged commit can sit in the page cache and a
// power loss or OS crash can lose it or corrupt the folder (kill -9 cannot show this: the cache survives).
// 'full' (the default) therefore:
//   - starts PostgreSQL with fsync on and wal_sync_method=open_datasync: the WAL file is opened O_SYNC, so
//     every WAL write (each commit) is on disk before the commit returns — the write-ahead rule holds;
//   - after each checkpoint, which PGlite cannot fsync, flushes every file of the folder from Node
//     (`durableCheckpoint`): run by a job every few minutes and at close, with automatic checkpoints
//     pushed far out so that ours are the ones that happen.
// Remaining limit: a power loss in the short moment between a checkpoint and the flush after it.
// 'unsafe-nosync' is PGlite's own behaviour: faster commits, no protection against power loss.
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export type PgliteSync = 'full' | 'unsafe-nosync';

/** Extensions every PGlite database of the platform loads (the migrations create them). */
export const PGLITE_EXTENSIONS = { btree_gist };

export function pgliteStartOptions(sync: PgliteSync): Pick<PGliteOptions, 'startParams' | 'extensions'> {
  if (sync === 'unsafe-nosync') return { extensions: PGLITE_EXTENSIONS };
  return {
    extensions: PGLITE_EXTENSIONS,
    startParams: [
      ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
      '-c', 'wal_sync_method=open_datasync',
      '-c', 'checkpoint_timeout=1d', '-c', 'max_wal_size=2GB',
    ],
  };
}

/**
 * fsync of every file and folder under `dir` (folders too, so renames and new files are durable).
 * Asynchronous (libuv's thread pool), so a large folder does not stall the server's event loop.
 */
export async function fsyncTree(dir: string): Promise<number> {
  let n = 0;
  const sync = async (p: string) => { const h = await open(p, 'r'); try { await h.sync(); } finally { await h.close(); } };
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      try {
        if (entry.isDirectory()) await walk(p);
        else if (entry.isFile()) { await sync(p); n++; }
      } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; } // removed meanwhile
    }
    await sync(d);
  };
  await walk(dir);
  return n;
}

/** A checkpoint whose data files really are on disk afterwards. */
export async function durableCheckpoint(client: PGlite, dataDir: string): Promise<void> {
  await client.exec('CHECKPOINT');
  await fsyncTree(dataDir);
}
