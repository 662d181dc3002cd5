import type { RefObject } from 'preact';
import { Icon } from '../shell/icons';

/**
 * An announced box at the top of a form: an error (role=alert) or a confirmation (role=status).
 * It is always in the page, empty and hidden when there is nothing to say, so screen readers
 * announce the text the moment it appears. `noticeRef` lets a form move focus to it.
 */
export function Notice({ kind, text, id, noticeRef }: { kind: 'error' | 'done'; text: string; id?: string; noticeRef?: RefObject<HTMLDivElement | null> }) {
  const role = kind === 'error' ? 'alert' : 'status';
  const ref = noticeRef ? { ref: noticeRef } : {};
  if (!text) return <div id={id} {...ref} role={role} class="visually-hidden" />;
  return (
    <div id={id} {...ref} role={role} tabIndex={-1} class={kind === 'error' ? 'note note--attention' : 'note note--done'}>
      <Icon name={kind === 'error' ? 'attention' : 'upToDate'} />
      <span>{text}</span>
    </div>
  );
}
