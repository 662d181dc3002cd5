import { LineIcon } from '../shell/icons';

/**
 * Icons only the catalogue uses, kept in its chunk so the main bundle does not grow. Same
 * drawing rules as the shell's: 24×24 lines, decorative, hidden from screen readers.
 */

const PATHS = {
  search: 'M10.5 18a7.5 7.5 0 1 0 0-15 7.5 7.5 0 0 0 0 15zM16 16l5 5',
  star: 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z',
  share: 'M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4',
  print: 'M6 9V3h12v6M6 18H4v-7h16v7h-2M7 14h10v7H7z',
  clock: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 7v5l3 2',
  resume: 'M5 4v16M9 5l11 7-11 7z',
  checklist: 'M9 6h11M9 12h11M9 18h11M4 5l1 1 2-2M4 11l1 1 2-2M4 17l1 1 2-2',
  important: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 7v6M12 16.5h.01',
  tip: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z',
  warning: 'M12 3 2 20h20zM12 10v4M12 17h.01',
  norm: 'M12 3v18M5 7h14M5 7l-3 7a3 3 0 0 0 6 0zM19 7l-3 7a3 3 0 0 0 6 0zM8 21h8',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  source: 'M6 3h9l4 4v14H6zM14 3v5h5M9 13h7M9 17h7',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  topic: 'M4 6h16M4 12h16M4 18h10',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
} as const;

/** The names of the catalogue's icons. */
export type CatalogueIconName = keyof typeof PATHS;

/** A 24×24 line icon; `filled` fills the shape (the favourite star once saved). */
export function CatalogueIcon({ name, filled = false }: { name: CatalogueIconName; filled?: boolean }) {
  return <LineIcon path={PATHS[name]} filled={filled} />;
}
