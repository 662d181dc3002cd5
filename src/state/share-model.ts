/**
 * Handing a link or a text to other people from a phone: the share sheet (Web Share API) where
 * there is one, the clipboard, a WhatsApp link. None of it needs a connection to start.
 */

/** A link that opens WhatsApp (app or web) with `text` ready to send to a contact or group. */
export function buildWhatsAppLink(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}

/** Copies `text`; false when the browser refused (no permission, no clipboard). Never throws. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await globalThis.navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Opens the phone's share sheet with `data`: 'cancelled' when the person closed it, 'failed' without one or when it refused. */
async function openShareSheet(data: ShareData): Promise<'shared' | 'cancelled' | 'failed'> {
  const nav = globalThis.navigator as Navigator | undefined;
  if (typeof nav?.share !== 'function') return 'failed';
  try {
    await nav.share(data);
    return 'shared';
  } catch (error) {
    return (error as { name?: string } | null)?.name === 'AbortError' ? 'cancelled' : 'failed';
  }
}

/** Opens the phone's share sheet with a text and its link: 'cancelled' when the person closed it, 'failed' without one. */
export function shareLink(title: string, text: string, url: string): Promise<'shared' | 'cancelled' | 'failed'> {
  return openShareSheet({ title, text, url });
}

/** Whether this phone's share sheet takes files of `type` (Web Share Level 2); false where it cannot tell. */
export function canShareFiles(type: string): boolean {
  const nav = globalThis.navigator as Navigator | undefined;
  if (typeof nav?.share !== 'function' || typeof nav.canShare !== 'function') return false;
  try {
    return nav.canShare({ files: [new File([], 'prueba', { type })] });
  } catch {
    return false;
  }
}

/** Opens the share sheet with a file (a constancia's PDF): 'cancelled' when the person closed it, 'failed' otherwise. */
export function shareFile(file: File, title: string, text: string): Promise<'shared' | 'cancelled' | 'failed'> {
  return openShareSheet({ files: [file], title, text });
}
