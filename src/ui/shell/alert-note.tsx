import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './icons';

/** Something the person must read now (role=alert, announced as it appears): an icon and a sentence, in the attention tone. */
export function AlertNote({ icon = 'attention', id, children }: { icon?: IconName; id?: string; children: ComponentChildren }) {
  return (
    <p id={id} class="note note--attention" role="alert">
      <Icon name={icon} />
      <span>{children}</span>
    </p>
  );
}
