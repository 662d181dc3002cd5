/**
 * Which rows of a table a caller may pull: all, none, those whose `column` holds the caller's id,
 * or a workshop's rows for its team: those whose `ownerColumn` holds the caller's id or whose
 * `workshopColumn` names a workshop the caller co-facilitates (`workshop_team`).
 */
export type Visibility =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'owner'; column: string; userId: string }
  | { kind: 'team'; ownerColumn: string; workshopColumn: string; userId: string };

/**
 * Narrows a query on one pulled table to what `visibility` lets the caller see (`none` is the
 * caller's to skip before querying). The columns come from PULL_TABLES, never from a request.
 */
// Kysely's builder types differ per table; the pulled tables are queried untyped.
export function whereVisible<Q extends { where: (...args: any[]) => Q }>(query: Q, visibility: Visibility): Q {
  if (visibility.kind === 'owner') return query.where(visibility.column, '=', visibility.userId);
  if (visibility.kind !== 'team') return query;
  const { ownerColumn, workshopColumn, userId } = visibility;
  return query.where((eb: any) => eb.or([
    eb(ownerColumn, '=', userId),
    eb(workshopColumn, 'in', eb.selectFrom('workshop_team').select('workshop_id').where('user_id', '=', userId)),
  ]));
}
