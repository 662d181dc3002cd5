import { useRoute } from 'preact-iso';
import type { TemplateItem } from '../../shared/catalogue';
import { limaYear, resolveItemText } from '../../shared/catalogue/valor-text';
import { entryCards, watchTemplate, type StoredTemplate } from '../../state/catalogue-model';
import { ScreenHeader } from '../shell/screen-header';
import { CatalogueIcon } from './catalogue-icons';
import { entryHref } from './entry-blocks';
import { KindTag } from './entry-card';
import { BackToCatalogue, CatalogueNotice } from './entry-parts';
import { describeConditions, describeDue } from './template-text';
import './catalogue.css';
import { t } from '../../shared/i18n/catalogue';
import { AlertNote } from '../shell/alert-note';

/** Where "Usar en un evento" leads: the new-event form with this template chosen. */
export function makeTemplateUseHref(templateId: string): string {
  return `/eventos/nuevo?plantilla=${encodeURIComponent(templateId)}`;
}

function ItemView({ item, titles }: { item: TemplateItem; titles: Map<string, string> }) {
  const conditions = describeConditions(item.appliesWhen);
  const entryTitle = item.entry ? titles.get(item.entry) : undefined;
  const { text, hint } = resolveItemText(item, limaYear());
  return (
    <li class="template-item">
      <p class="template-item__text">{text}</p>
      <p class="template-item__due">
        <CatalogueIcon name="clock" />
        <span>{describeDue(item.dueDays)}</span>
      </p>
      {conditions && <p class="template-item__when">{t('catalogue.template.appliesWhen', { conditions })}</p>}
      {hint && <p class="template-item__hint">{hint}</p>}
      {item.entry && entryTitle && (
        <a href={entryHref(item.entry)} class="template-item__entry">
          {t('catalogue.template.readEntry', { title: entryTitle })}
        </a>
      )}
    </li>
  );
}

function TemplateView({ template }: { template: StoredTemplate }) {
  const titles = new Map((entryCards.value ?? []).map((card) => [card.id, card.title]));
  const proposeWhen = describeConditions(template.proposeWhen);
  const useHref = makeTemplateUseHref(template.id);
  return (
    <section class="screen template">
      <BackToCatalogue />
      <p class="entry__kind">
        <KindTag icon="checklist">{t('catalogue.template.title')}</KindTag>
      </p>
      <ScreenHeader title={template.title} />
      <p class="lead">{template.summary}</p>
      <p class="entry__meta">{proposeWhen ? t('catalogue.template.proposeWhen', { conditions: proposeWhen }) : t('catalogue.template.always')}</p>
      <a class="button" href={useHref}>
        {t('catalogue.template.use')}
      </a>
      {template.sections.map((section) => (
        <section key={section.id} class="template-section" aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>{section.title}</h2>
          <ol class="template-items">
            {section.items.map((item) => (
              <ItemView key={item.id} item={item} titles={titles} />
            ))}
          </ol>
        </section>
      ))}
      <a class="button" href={useHref}>
        {t('catalogue.template.use')}
      </a>
    </section>
  );
}

/** A template by id: loading, not found, or its preview. */
export function TemplatePreview({ id }: { id: string }) {
  const lookup = watchTemplate(id).value;
  if (lookup.status === 'found') return <TemplateView template={lookup.value} />;
  const isMissing = lookup.status === 'missing';
  return (
    <CatalogueNotice title={isMissing ? t('catalogue.template.notFound.title') : t('catalogue.loading')}>
      {isMissing ? <AlertNote>{t('catalogue.reader.notFound.body')}</AlertNote> : <p role="status">{t('catalogue.loading')}</p>}
    </CatalogueNotice>
  );
}

/** `/catalogo/plantillas/:id`: a checklist template with its items, due offsets and conditions. */
export function TemplateScreen() {
  const { params } = useRoute();
  return <TemplatePreview id={params.id ?? ''} />;
}
