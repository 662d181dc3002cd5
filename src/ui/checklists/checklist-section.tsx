import type { ComponentChildren } from 'preact';
import type { SectionView } from '../../state/checklist-view-model';
import { ProgressLine } from '../events/progress-line';

/**
 * One section of a run: its heading, its progress and its items. In a long list (see
 * `FOLD_ABOVE_ITEMS`) the heading is a button that folds and unfolds it, and a folded section
 * renders no items at all: a list of 300 opens with one section on screen, not 300 items.
 * `items` is called only when the section is open.
 */
export function ChecklistSection({ section, isFolded = false, onFold, items }: {
  section: SectionView;
  isFolded?: boolean;
  /** Given only when the list is long enough to fold. */
  onFold?: () => void;
  items: () => ComponentChildren;
}) {
  const headingId = `sec-${section.id}`;
  const listId = `sec-${section.id}-items`;
  return (
    <section class="checklist__section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {onFold ? (
          <button type="button" class="checklist__fold" aria-expanded={!isFolded} aria-controls={listId} onClick={onFold}>{section.title}</button>
        ) : section.title}
      </h2>
      <ProgressLine progress={section.progress} />
      <ul id={listId} class="checklist__items" hidden={isFolded}>{isFolded ? null : items()}</ul>
    </section>
  );
}
