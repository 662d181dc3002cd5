import type { ComponentChildren } from 'preact';

/** A part of a screen named by its own heading, so a screen reader lists it among the page's regions. */
export function NamedSection({ id, title, children }: { id: string; title: ComponentChildren; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
