/** Which rows of a table a caller may pull: all, none, or those whose `column` holds the caller's id. */
export type Visibility = { kind: 'all' } | { kind: 'none' } | { kind: 'owner'; column: string; userId: string };
