/**
 * Inline SVG icons (no icon font, no extra request). Each is decorative: the word next to it
 * carries the meaning, so every icon is hidden from screen readers.
 */

const PATHS = {
  home: 'M3 11 12 3l9 8M5 10v10h5v-6h4v6h5V10',
  catalogue: 'M4 4h6a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H4zM20 4h-6a2 2 0 0 0-2 2v14a2 2 0 0 1 2-2h6z',
  events: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h3v3H8z',
  workshops: 'M9 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20v-1a5 5 0 0 1 10 0v1M17 11a2.5 2.5 0 1 0 0-5M15.5 14.5A4.5 4.5 0 0 1 21 19v1',
  more: 'M4 7h16M4 12h16M4 17h16',
  online: 'M2 9a15 15 0 0 1 20 0M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0M12 19.5h.01',
  offline: 'M2 9a15 15 0 0 1 5-3M22 9a15 15 0 0 0-11-4M5 12.5a10 10 0 0 1 4-2.3M19 12.5a10 10 0 0 0-3-1.9M8.5 16a5 5 0 0 1 7 0M12 19.5h.01M3 3l18 18',
  upToDate: 'M5 12.5 10 17.5 19 7',
  pending: 'M12 19V6M6 11l6-6 6 6M5 21h14',
  syncing: 'M20 12a8 8 0 0 1-14 5.3M4 12a8 8 0 0 1 14-5.3M18 3v4h-4M6 21v-4h4',
  attention: 'M12 3 2 20h20zM12 10v4M12 17h.01',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  storage: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  info: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 11v6M12 7.5h.01',
  chevron: 'M9 5l7 7-7 7',
  back: 'M15 5l-7 7 7 7',
  shield: 'M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6z',
  shieldOk: 'M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6zM8.5 12l2.5 2.5 4.5-5',
  update: 'M12 4v10M7 9l5 5 5-5M5 20h14',
  map: 'M3 3h8v8H3zM13 3h8v8h-8zM3 13h8v8H3zM13 13h8v8h-8z',
} as const;

/** The names of the available icons. */
export type IconName = keyof typeof PATHS;

/**
 * A 24×24 line drawing in the current text colour, hidden from assistive technology: the one
 * way this app draws an icon (the catalogue's own icons, in its chunk, use it too).
 */
export function LineIcon({ path, filled = false, className }: { path: string; filled?: boolean; className?: string | undefined }) {
  return (
    <svg
      class={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={path} />
    </svg>
  );
}

/** One of the shell's icons. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return <LineIcon path={PATHS[name]} className={className} />;
}
