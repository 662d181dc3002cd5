import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely, type RawBuilder } from 'kysely';

/**
 * How the migrations declare tables: a column is data (its type and what the database enforces)
 * and a table is a name and its columns in order, so a migration reads like the schema it makes.
 * Types both engines share (text, integer, bigint), and bytea for PostgreSQL's media bytes
 * (SQLite takes the name and keeps blobs; its server stores photos as files anyway). The helpers call Kysely's schema builder
 * exactly as the hand-written migrations did, so the DDL each engine stores is the same to the
 * byte (Kysely prints a column's modifiers in a fixed order, whatever order they are set in).
 * A written migration must keep producing the same schema: change one only to say it shorter.
 */
export interface Column {
  type: 'text' | 'integer' | 'bigint' | 'bytea';
  /** Columns are `not null` unless this says otherwise (a primary key never says it: as written). */
  nullable?: true;
  primaryKey?: true;
  unique?: true;
  defaultTo?: number;
  /** `table.column` this column points at. */
  references?: string;
  check?: RawBuilder<unknown>;
}

export const TEXT: Column = { type: 'text' };
export const INTEGER: Column = { type: 'integer' };
export const BIGINT: Column = { type: 'bigint' };
export const NULLABLE_TEXT: Column = { type: 'text', nullable: true };
export const NULLABLE_BIGINT: Column = { type: 'bigint', nullable: true };
/** A text primary key (every id in the system is a text id). */
export const KEY: Column = { type: 'text', primaryKey: true };
/** A 0/1 flag that starts at 0 (`deleted`, `archived`, `disabled`). */
export const FLAG: Column = { type: 'integer', defaultTo: 0 };

/** The columns that end every pulled table: its tombstone, its version from the global counter, its last write. */
export const PULLED_COLUMNS = { deleted: FLAG, version: BIGINT, updated_at: TEXT } as const;

export type Columns = Readonly<Record<string, Column>>;

function defineColumn(spec: Column): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return (c) => {
    let column = c;
    if (spec.primaryKey) column = column.primaryKey();
    if (!spec.nullable && !spec.primaryKey) column = column.notNull();
    if (spec.unique) column = column.unique();
    if (spec.defaultTo !== undefined) column = column.defaultTo(spec.defaultTo);
    if (spec.references) column = column.references(spec.references);
    if (spec.check) column = column.check(spec.check);
    return column;
  };
}

/** Creates a table with these columns in this order; `primaryKey` names a composite key. */
export async function createTable(
  db: Kysely<any>,
  table: string,
  columns: Columns,
  primaryKey?: { name: string; columns: string[] },
): Promise<void> {
  let builder = db.schema.createTable(table);
  for (const [name, spec] of Object.entries(columns)) builder = builder.addColumn(name, spec.type, defineColumn(spec));
  if (primaryKey) builder = builder.addPrimaryKeyConstraint(primaryKey.name, primaryKey.columns as never);
  await builder.execute();
}

/** Creates an index; one column or several, in order. */
export async function createIndex(db: Kysely<any>, name: string, table: string, columns: string | string[], { unique = false } = {}): Promise<void> {
  const builder = db.schema.createIndex(name).on(table).columns(typeof columns === 'string' ? [columns] : columns);
  await (unique ? builder.unique() : builder).execute();
}

/**
 * Creates a table that devices pull: `id` first, then `columns`, then `PULLED_COLUMNS`, with the
 * `<table>_version` index a pull by cursor reads, and, with `byOwner`, `<table>_owner_version`
 * for a pull that filters by owner.
 */
export async function createPulledTable(db: Kysely<any>, table: string, columns: Columns, { byOwner = false } = {}): Promise<void> {
  await createTable(db, table, { id: KEY, ...columns, ...PULLED_COLUMNS });
  await createIndex(db, `${table}_version`, table, 'version');
  if (byOwner) await createIndex(db, `${table}_owner_version`, table, ['owner_id', 'version']);
}

/** Drops these tables in the order given (newest first). */
export async function dropTables(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  for (const table of tables) await db.schema.dropTable(table).execute();
}

/** A text column the database derives from others: one expression per engine. */
export type DerivedColumns = Readonly<Record<string, { postgres: RawBuilder<unknown>; sqlite: RawBuilder<unknown> }>>;

/**
 * Adds derived text columns: stored on PostgreSQL (computed once per write; `C` collation, so
 * grouping compares bytes), computed on read on SQLite (it cannot add a stored column to a table).
 */
export async function addDerivedTextColumns(db: Kysely<any>, table: string, columns: DerivedColumns): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [name, expression] of Object.entries(columns)) {
    const target = sql.id(table);
    const column = sql.id(name);
    if (isPostgres) {
      await sql`alter table ${target} add column ${column} text collate "C" generated always as (${expression.postgres}) stored`.execute(db);
    } else {
      await sql`alter table ${target} add column ${column} text generated always as (${expression.sqlite}) virtual`.execute(db);
    }
  }
}

/** Adds these columns to an existing table, one statement each, in order. */
export async function addColumns(db: Kysely<any>, table: string, columns: Columns): Promise<void> {
  for (const [name, spec] of Object.entries(columns)) await db.schema.alterTable(table).addColumn(name, spec.type, defineColumn(spec)).execute();
}

/** Drops these columns of one table, in order. */
export async function dropColumns(db: Kysely<any>, table: string, columns: readonly string[]): Promise<void> {
  for (const name of columns) await db.schema.alterTable(table).dropColumn(name).execute();
}
