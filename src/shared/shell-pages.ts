/**
 * The app's three HTML pages (#12), each with the shell already drawn (the build prerenders them:
 * tools/prerender-shell.ts): the server and the service worker answer a navigation with the one
 * that matches its address, so nothing another address would draw flashes before the app runs.
 */
export const SHELL_PAGES = {
  /** `/`: the frame and Inicio. */
  home: 'index.html',
  /** Any other staff address: the frame, <main> empty until the screen's code arrives. */
  frame: 'shell-frame.html',
  /** A participant's door (/t/…) or a constancia's check (/v/…): no staff links, no nav. */
  participant: 'shell-participant.html',
} as const;

/** The page that answers a navigation to `path` (a pathname, no query). */
export function choosePage(path: string): (typeof SHELL_PAGES)[keyof typeof SHELL_PAGES] {
  if (path === '/' || path === '' || path === '/index.html') return SHELL_PAGES.home;
  if (path.startsWith('/t/') || path.startsWith('/v/')) return SHELL_PAGES.participant;
  return SHELL_PAGES.frame;
}
