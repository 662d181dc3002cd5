/**
 * The map's geometry: a tile-grid cartogram of the 26 RED regions, one equal tile each, placed
 * as they lie on the map of Peru (north at the top, the coast on the left), with Lima
 * Metropolitana and Callao as tiles of their own. A few hundred bytes in the bundle, drawn
 * offline, readable at 360 px; every region weighs the same, so small regions stay tappable.
 */

/** A region's tile: grid column and row (from 1) and a three-letter abbreviation. */
export interface Tile {
  code: string;
  column: number;
  row: number;
  short: string;
}

/** Columns and rows of the grid. */
export const GRID = { columns: 5, rows: 9 } as const;

export const TILES: readonly Tile[] = [
  { code: '24', column: 1, row: 1, short: 'TUM' },
  { code: '20', column: 1, row: 2, short: 'PIU' },
  { code: '06', column: 2, row: 2, short: 'CAJ' },
  { code: '01', column: 3, row: 2, short: 'AMA' },
  { code: '16', column: 4, row: 2, short: 'LOR' },
  { code: '14', column: 1, row: 3, short: 'LAM' },
  { code: '13', column: 2, row: 3, short: 'LAL' },
  { code: '22', column: 3, row: 3, short: 'SAM' },
  { code: '02', column: 2, row: 4, short: 'ANC' },
  { code: '10', column: 3, row: 4, short: 'HUC' },
  { code: '25', column: 4, row: 4, short: 'UCA' },
  { code: '15', column: 2, row: 5, short: 'LIP' },
  { code: '19', column: 3, row: 5, short: 'PAS' },
  { code: '07', column: 1, row: 6, short: 'CAL' },
  { code: '1501', column: 2, row: 6, short: 'LIM' },
  { code: '12', column: 3, row: 6, short: 'JUN' },
  { code: '17', column: 5, row: 6, short: 'MDD' },
  { code: '11', column: 2, row: 7, short: 'ICA' },
  { code: '09', column: 3, row: 7, short: 'HUV' },
  { code: '05', column: 4, row: 7, short: 'AYA' },
  { code: '08', column: 5, row: 7, short: 'CUS' },
  { code: '04', column: 3, row: 8, short: 'ARE' },
  { code: '03', column: 4, row: 8, short: 'APU' },
  { code: '21', column: 5, row: 8, short: 'PUN' },
  { code: '18', column: 4, row: 9, short: 'MOQ' },
  { code: '23', column: 5, row: 9, short: 'TAC' },
];
