import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { Signal } from '@preact/signals';
import { entryCards, watchEntry, type StoredEntry } from '../../state/catalogue-model';
import { noteEntryOpened } from '../../state/reading-model';
import { ScreenHeader } from '../shell/screen-header';
import { CatalogueIcon } from './catalogue-icons';
import { kindLabel, levelLabel, topicLabel } from './catalogue-labels';
import { formatDay } from '../../shared/calendar/lima-dates';
import { Blocks } from './entry-blocks';
import { KindTag } from './entry-card';
import { BackToCatalogue, CatalogueNotice, EntryCardList, SourceList, TableOfContents } from './entry-parts';
import { ReaderActions } from './reader-actions';
import { useLeftOff } from './use-left-off';
import './catalogue.css';
import { t } from '../../shared/i18n/catalogue';
import { AlertNote } from '../shell/alert-note';

function ResumeReading({ entry, headingId }: { entry: StoredEntry; headingId: Signal<string | undefined> }) {
  const heading = entry.toc.find((item) => item.id === headingId.value);
  // Nothing to offer before the first heading: the person is at the start anyway.
  if (!heading || heading.id === entry.toc[0]?.id) return null;
  const jump = () => {
    const target = document.getElementById(heading.id);
    if (typeof target?.scrollIntoView === 'function') target.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
    headingId.value = undefined;
  };
  return (
    <button type="button" class="button resume-button" onClick={jump}>
      <CatalogueIcon name="resume" />
      {t('catalogue.reader.resume', { heading: heading.text })}
    </button>
  );
}

function RelatedEntries({ ids }: { ids: string[] }) {
  const cards = (entryCards.value ?? []).filter((card) => ids.includes(card.id));
  if (cards.length === 0) return null;
  return (
    <section class="entry-related" aria-labelledby="entry-related-title">
      <h2 id="entry-related-title">{t('catalogue.reader.related')}</h2>
      <EntryCardList cards={cards} />
    </section>
  );
}

function EntryView({ entry }: { entry: StoredEntry }) {
  const leftOff = useLeftOff(entry.id);
  return (
    <article class="screen entry">
      <BackToCatalogue />
      <p class="entry__kind">
        <KindTag icon="topic">{kindLabel(entry.kind)}</KindTag>
        <span>{topicLabel(entry.topic)}</span>
      </p>
      <ScreenHeader title={entry.title} />
      <p class="lead">{entry.summary}</p>
      <p class="entry__meta">
        <CatalogueIcon name="calendar" />
        <span>{t('catalogue.reader.reviewed', { date: formatDay(entry.reviewed) })}</span>
      </p>
      <p class="entry__meta">{t('catalogue.reader.levels', { levels: entry.levels.map(levelLabel).join(', ') })}</p>
      <ReaderActions entryId={entry.id} title={entry.title} />
      <ResumeReading entry={entry} headingId={leftOff} />
      <TableOfContents toc={entry.toc} />
      <div class="entry-body">
        <Blocks blocks={entry.body} />
      </div>
      <SourceList sources={entry.sources} />
      <RelatedEntries ids={entry.related} />
    </article>
  );
}

/** The reader for one entry id: loading, not found, or the entry. */
export function EntryReader({ id }: { id: string }) {
  const lookup = watchEntry(id).value;
  const isFound = lookup.status === 'found';
  useEffect(() => {
    if (isFound) void noteEntryOpened(id);
  }, [id, isFound]);
  if (lookup.status === 'loading') {
    return (
      <CatalogueNotice title={t('catalogue.reader.loading')}>
        <p role="status">{t('catalogue.reader.loading')}</p>
      </CatalogueNotice>
    );
  }
  if (lookup.status === 'missing') {
    return (
      <CatalogueNotice title={t('catalogue.reader.notFound.title')}>
        <AlertNote>{t('catalogue.reader.notFound.body')}</AlertNote>
        <a class="button" href="/catalogo">{t('catalogue.back')}</a>
      </CatalogueNotice>
    );
  }
  return <EntryView key={lookup.value.id} entry={lookup.value} />;
}

/** `/catalogo/:id`: the reader, offline from the catalogue database. */
export function ReaderScreen() {
  const { params } = useRoute();
  return <EntryReader id={params.id ?? ''} />;
}
