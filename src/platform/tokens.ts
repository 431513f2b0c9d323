import { randomBytes, createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** An unguessable URL-safe token (256 bits). Only its hash is stored. */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
/** Time-ordered UUIDs keep indexes compact and lists naturally ordered. */
export const newId = (): string => uuidv7();
