import { renderToString } from 'preact-render-to-string';
import { locationStub } from 'preact-iso/prerender';
import { App } from './app';

/**
 * The first screen as HTML, rendered at build time (tools/prerender-shell.ts) so that on a first
 * visit it shows, and its links work, one round trip after the address is opened, before any
 * JavaScript arrives (#12). main.tsx's `render` then takes these very nodes over.
 * Each page is the app's own first render at that address: nothing is drawn that the app would
 * not draw, and nothing looks like a button that waits for JavaScript.
 */
export interface ShellPages {
  /** `/`: the frame and Inicio as a first visit sees it (welcome, shortcuts, what works offline). */
  home: string;
  /** Any other staff address: the top bar and the bottom nav, <main> empty until its screen loads. */
  frame: string;
  /** A participant's door (/t/…) or a constancia's check (/v/…): the bar without staff links or nav. */
  participant: string;
}

/** Where a path outside the five sections renders the staff frame with no section marked current. */
const FRAME_PATH = '/__marco';

function renderAt(path: string, isFrameOnly: boolean): string {
  locationStub(path);
  return renderToString(<App isFrameOnly={isFrameOnly} />);
}

/** Renders the three shells. Runs in Node at build time, never in the browser. */
export function renderShellPages(): ShellPages {
  return { home: renderAt('/', false), frame: renderAt(FRAME_PATH, true), participant: renderAt('/t/marco', true) };
}
