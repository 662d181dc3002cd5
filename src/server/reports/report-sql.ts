/**
 * The one SQL piece the reports need that the two engines spell differently. Everything else
 * in the report queries is SQL both engines read alike (CTEs, DISTINCT, UNION ALL).
 */
import { sql, type RawBuilder } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/**
 * A table `(id, grp)` from pairs passed as ONE JSON parameter, so a year with thousands of
 * workshops needs no list of thousands of placeholders (SQLite allows 32,766).
 */
export function pairsFromJson(engine: Engine, pairs: readonly (readonly [string, string])[]): RawBuilder<unknown> {
  const text = JSON.stringify(pairs);
  if (engine === 'sqlite') return sql`select json_extract(value, '$[0]') as id, json_extract(value, '$[1]') as grp from json_each(${text})`;
  return sql`select x ->> 0 as id, x ->> 1 as grp from json_array_elements(${text}::json) as x`;
}
