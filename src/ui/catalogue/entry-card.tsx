import type { ComponentChildren } from 'preact';
import { CatalogueIcon, type CatalogueIconName } from './catalogue-icons';

/** What a card or a page is (a kind of entry, a checklist): an icon and a word, never colour alone. */
export function KindTag({ icon, children }: { icon: CatalogueIconName; children: ComponentChildren }) {
  return (
    <span class="kind-tag">
      <CatalogueIcon name={icon} />
      {children}
    </span>
  );
}

/** A card linking to an entry or a template: its title (a heading where the list has one), its kind tag, its summary. */
export function CardLink(props: { href: string; title: string; titleAs?: 'h2' | 'h3' | 'span'; tag: ComponentChildren; children: ComponentChildren }) {
  const Title = props.titleAs ?? 'span';
  return (
    <a href={props.href} class="entry-card">
      <Title class="entry-card__title">{props.title}</Title>
      {props.tag}
      <span class="entry-card__summary">{props.children}</span>
    </a>
  );
}

/** One card of a `CardList`. */
export interface Card {
  id: string;
  href: string;
  title: string;
  tag: ComponentChildren;
  summary: ComponentChildren;
}

/** A list of cards as links (entries, templates), each titled as the list's place on the page asks. */
export function CardList({ cards, titleAs }: { cards: readonly Card[]; titleAs: 'h2' | 'h3' }) {
  return (
    <ul class="entry-cards">
      {cards.map((card) => (
        <li key={card.id}>
          <CardLink href={card.href} title={card.title} titleAs={titleAs} tag={card.tag}>
            {card.summary}
          </CardLink>
        </li>
      ))}
    </ul>
  );
}
