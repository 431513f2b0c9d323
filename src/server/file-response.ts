// Response declaration of routes that send a file (iCalendar, CSV, XLSX, images, attachments) instead of JSON.
// Fastify serialises only objects; these handlers send a Buffer or a string with their own content-type, so the
// schemas below never run — they document the media types in /api/openapi.json.
import { z } from 'zod';

const text = z.string();
const binary = z.string().meta({ format: 'binary' });

export const MEDIA = {
  ics: 'text/calendar',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;

/** `{ description, content }` for a route's `response[200]`; text/* bodies are text, anything else binary. */
export function fileResponse(description: string, mediaTypes: readonly string[], schemas: Record<string, z.ZodType> = {}) {
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((t) => [t, { schema: schemas[t] ?? (t.startsWith('text/') ? text : binary) }])),
  };
}
