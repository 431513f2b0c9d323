// Small pieces every module's routes.ts uses, so each route file says only what is its own.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';

/** The body of a write that has nothing else to say. */
export const ok = { ok: true as const };
export const okSchema = z.object({ ok: z.literal(true) });
/** `:id` of a record addressed by its UUID. */
export const idParams = z.object({ id: z.string().uuid() }).strict();
/** `:id` of an event: its UUID or its slug. */
export const eventParams = z.object({ id: z.string().min(1).max(100) }).strict();
/** `201 Created` answer of a create. */
export const createdSchema = z.object({ id: z.string() });

export type Upload = { filename: string; content: Buffer };

/** Reads the single uploaded file of a multipart request (its type and size are checked by `platform/uploads.ts`). */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type');
  const part = await req.file();
  if (!part) throw new AppError('bad_request', { params: { reason: 'no_file' } });
  const content = await part.toBuffer();
  return { filename: part.filename, content };
}
