// Uploaded files of every module (logos, attachments, covers): the content decides the type (file-type reads the magic bytes), never the
// extension or the browser's claim; sizes are capped; names are plain names without paths.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { files } from '../db/schema/index.ts';
import type { Tx } from '../db/client.ts';
import { AppError } from './errors.ts';
import { newId } from './tokens.ts';
import { UPLOAD_RULES, type UploadKind } from '../shared/uploads.ts';

// The limits live in src/shared so the web app shows the same numbers.
export { UPLOAD_RULES, type UploadKind };

/** Rejects names with path separators, control characters, or leading dots (e.g. "../x", "a/b", "C:\\x"). */
export function checkFileName(name: string): string {
  const n = name.normalize('NFC').trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (!n || n.length > 200 || /[/\\\u0000-\u001f]/.test(n) || n.startsWith('.') || /^[A-Za-z]:/.test(n)) {
    throw new AppError('invalid_file_name');
  }
  return n;
}

export async function checkUpload(kind: UploadKind, name: string, content: Buffer): Promise<{ name: string; mime: string }> {
  const rule = UPLOAD_RULES[kind];
  const clean = checkFileName(name);
  if (content.length > rule.maxBytes) throw new AppError('payload_too_large', { params: { max: rule.maxBytes } });
  if (content.length === 0) throw new AppError('unsupported_media_type');
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !rule.mimes.includes(detected.mime)) throw new AppError('unsupported_media_type', { params: { allowed: rule.mimes.join(', ') } });
  return { name: clean, mime: detected.mime };
}

export async function storeFile(tx: Tx, o: { name: string; mime: string; content: Buffer; uploadedBy: string | null; now: Date }): Promise<string> {
  const id = newId();
  await tx.insert(files).values({
    id, name: o.name, mime: o.mime, size: o.content.length, sha256: createHash('sha256').update(o.content).digest('hex'),
    content: new Uint8Array(o.content), uploadedBy: o.uploadedBy, createdAt: o.now,
  });
  return id;
}
