// `synergy create-user` beside a running server on the embedded database: the server holds the data
// folder's lock, so the command asks the server over the loopback interface, presenting the secret
// the server wrote into that folder (see src/modules/accounts/first-admin.ts).
import type { Config } from '../config.ts';
import { fail } from './shared.ts';

export async function dataDirInUse(dataDir: string): Promise<boolean> {
  const { lockDataDir, DataDirLockedError } = await import('../db/data-dir-lock.ts');
  try { (await lockDataDir(dataDir))(); return false; } catch (e) {
    if (e instanceof DataDirLockedError) return true;
    throw e;
  }
}

type Account = { email: string; roles: string[]; name?: string; password?: string; country: string; lang: string; timezone: string };

export async function createUserThroughServer(config: Config, account: Account) {
  const { readLocalSecret } = await import('../modules/accounts/first-admin.ts');
  const secret = readLocalSecret(config.dataDir);
  const host = ['0.0.0.0', '::', 'localhost', '127.0.0.1', '::1'].includes(config.HOST) ? '127.0.0.1' : null;
  const what = `A server is running on the embedded database in ${config.dataDir}.`;
  if (!secret || !host) {
    fail(`${what} Stop it and run this command again, or sign in as an administrator and invite the person (Admin → Users)` +
      `${!secret ? `; ${config.dataDir}/cli-secret is missing or unreadable for this user (run as the server's user)` : `; HOST=${config.HOST} does not listen on the loopback interface`}.`);
  }
  let res: Response;
  try {
    res = await fetch(`http://${host}:${config.PORT}/api/local/create-user`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-synergy-local-secret': secret, 'accept-language': 'en' },
      body: JSON.stringify(Object.fromEntries(Object.entries(account).filter(([, v]) => v !== undefined))),
    });
  } catch (e) {
    fail(`${what} It could not be reached at http://${host}:${config.PORT} (${(e as Error).message}); is PORT the same as the server's?`);
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) fail(`the server refused: ${body?.error?.message ?? res.status}${body?.error?.fields ? ` ${JSON.stringify(body.error.fields.map((f: { path: string; message: string }) => `${f.path}: ${f.message}`))}` : ''}`);
  return body as { created: boolean; email: string; roles: string[]; password: string | null };
}
