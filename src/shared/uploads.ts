// Upload limits, shared by the server (which enforces them on the file's content) and the web app
// (which shows them and refuses an oversized file before sending it).
export type UploadKind = 'logo' | 'attachment' | 'cover';
export const UPLOAD_RULES: Record<UploadKind, { maxBytes: number; mimes: string[] }> = {
  logo: { maxBytes: 1024 * 1024, mimes: ['image/png', 'image/jpeg', 'image/webp'] },
  // Event cover images (events module): wider pictures than logos, so a larger cap.
  cover: { maxBytes: 2 * 1024 * 1024, mimes: ['image/png', 'image/jpeg', 'image/webp'] },
  attachment: { maxBytes: 5 * 1024 * 1024, mimes: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] },
};

/** Attachments one cooperation profile may have. */
export const MAX_ATTACHMENTS = 10;
