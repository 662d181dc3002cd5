/**
 * The one rule for a link that leaves the app (catalogue links and sources, a workshop's meeting
 * link): https only, and nothing that makes the address read as another site. A link with
 * userinfo (`https://www.gob.pe@evil.example/` opens evil.example while it reads «gob.pe»), a
 * backslash (`https://\evil.com`, which browsers read as a slash), spaces or control characters
 * is refused. Pure: the device checks again before drawing any link, whatever the server sent.
 */

/** The part between `https://` and the first `/`, `?` or `#`: who the link really goes to. */
function readAuthority(href: string): string {
  const rest = href.slice('https://'.length);
  const end = rest.search(/[/?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

/** Whether `href` may be drawn as a link that leaves the app. */
export function isSafeHttpsLink(href: string): boolean {
  if (!/^https:\/\//i.test(href)) return false;
  if (/[\s\\\u0000-\u001f\u007f]/.test(href)) return false;
  const authority = readAuthority(href);
  if (authority === '' || authority.includes('@')) return false;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}
