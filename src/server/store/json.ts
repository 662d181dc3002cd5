/** JSON columns: stored as text so SQLite and PostgreSQL behave the same. */
export function readJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** The text form of a JSON column. */
export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
