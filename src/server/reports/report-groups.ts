/** The national report's grouping: every figure is counted per region, per month and in total. */

/** Counts `C` by region code ('' without one), by month (`01`…`12`) and in total. */
export interface Grouped<C> {
  byRegion: Map<string, C>;
  byMonth: Map<string, C>;
  total: C;
}

/** The group `key` of `map`, made with `make` the first time it is asked for. */
export function groupIn<C>(map: Map<string, C>, key: string, make: () => C): C {
  let group = map.get(key);
  if (group === undefined) {
    group = make();
    map.set(key, group);
  }
  return group;
}
