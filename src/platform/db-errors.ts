// Recognising database errors the domain turns into answers (a unique index that says "already taken").

/** Postgres unique violations arrive wrapped by the driver/ORM; this looks through the causes. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  for (let x = e as { code?: string; constraint?: string; constraint_name?: string; message?: string; cause?: unknown } | undefined; x; x = x.cause as typeof x) {
    if (x.code === '23505') {
      if (!constraint) return true;
      const name = x.constraint ?? x.constraint_name ?? '';
      return name === constraint || (x.message ?? '').includes(constraint);
    }
  }
  return false;
}
