// The checks every answer parser makes on what came over the wire.

export type Fields = Readonly<Record<string, unknown>>;

/** A JSON object's fields, or null for anything else (arrays included). */
export function fieldsOf(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;
}

export function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** A whole number of bytes, downloads or the like. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
