import { useEffect } from 'preact/hooks';
import { isOnline } from '../../state/app-model';
import { Icon } from './icons';

/**
 * For screens that read the server directly (editor, administración): runs `load` each time the
 * phone comes online while the screen is shown (and at once if it already is). Returns whether it is online.
 */
export function useLoadWhileOnline(load: () => Promise<unknown>): boolean {
  const online = isOnline.value;
  useEffect(() => {
    if (online) void load();
  }, [online]);
  return online;
}

/** What a server-only screen says offline: a word and an icon, announced politely; nothing online. */
export function OfflineNote({ text }: { text: string }) {
  if (isOnline.value) return null;
  return (
    <p class="note note--attention" role="status">
      <Icon name="offline" />
      <span>{text}</span>
    </p>
  );
}
