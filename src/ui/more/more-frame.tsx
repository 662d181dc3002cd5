import type { ComponentChildren } from 'preact';
import { ScreenHeader } from '../shell/screen-header';

/** A screen of Más that another area owns (sync, the account), inside the shell's frame: its title and the way back to Más. */
export function MoreFrame({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="screen">
      <ScreenHeader title={title} backToMore />
      {children}
    </section>
  );
}
