import { useSignal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { setChecklistItem } from '../../state/checklist-model';
import { watchChecklistScreen, type LostEdit } from '../../state/checklist-screen-model';
import { canEditEvent } from '../../state/permission-model';
import type { ChecklistView, ItemView, SectionView } from '../../state/checklist-view-model';
import { BackLink, ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { ProgressLine } from '../events/progress-line';
import { ChecklistItem } from './checklist-item';
import { ChecklistSection } from './checklist-section';
import { AddItemForm } from './add-item-form';
import '../forms/forms.css';
import './checklists.css';
import { t, tn } from '../../shared/i18n/checklists';
import '../../shared/i18n/events';

/** One checklist of an event, worked in the field: every change is saved on the device at once. */
export function ChecklistScreen({ eventId, runId }: { eventId: string; runId: string }) {
  const data = watchChecklistScreen(eventId, runId).value;
  if (!data.isLoaded) return <section class="screen"><p>{t('events.loading')}</p></section>;
  if (!data.view || !data.event) {
    return (
      <section class="screen">
        <ScreenHeader title={t('checklists.notFound')} />
        <p class="note"><Icon name="info" /><span>{t('checklists.templateMissing')}</span></p>
        <a href={`/eventos/${eventId}`}>{t('checklists.backToEvent')}</a>
      </section>
    );
  }
  return <ChecklistBody eventId={eventId} eventTitle={data.event.title} view={data.view} myName={data.myName} isReadOnly={!canEditEvent(data.event)} lostEdits={data.lostEdits} />;
}

/** Above this many items a list opens folded: one section on screen, the others a tap away. */
export const FOLD_ABOVE_ITEMS = 60;

const NO_LOST_EDITS: LostEdit[] = [];

/** The section a long list opens on: the first with something left to do, else the first. */
function firstOpenSection(view: ChecklistView): string {
  const pending = (s: SectionView) => s.items.some((i) => i.applies && i.state.done !== true && i.state.notApplicable !== true);
  return (view.sections.find(pending) ?? view.sections[0])?.id ?? '';
}

/**
 * The run's sections and items; pure props, so the bench renders it with 300 items. Read-only
 * (someone else's event, by the server's rule): no tick, no details to change, no new item.
 * A long list opens folded (FOLD_ABOVE_ITEMS): a folded section draws no items, so opening 300
 * costs one section; «Abrir todas las secciones» draws them all (to search the page, say).
 */
export function ChecklistBody({ eventId, eventTitle, view, myName = '', isReadOnly = false, lostEdits = [] }: {
  eventId: string; eventTitle: string; view: ChecklistView; myName?: string; isReadOnly?: boolean; lostEdits?: LostEdit[];
}) {
  const showHidden = useSignal(false);
  const openId = useSignal('');
  const failure = useSignal('');
  const isLong = view.sections.reduce((sum, s) => sum + s.items.length, 0) > FOLD_ABOVE_ITEMS;
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(() => new Set([firstOpenSection(view)]));
  const isAllOpen = view.sections.every((s) => unfolded.has(s.id));
  const fold = (id: string) => setUnfolded((open) => {
    const next = new Set(open);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const editsByItem = new Map<string, LostEdit[]>();
  for (const edit of lostEdits) editsByItem.set(edit.itemId, [...(editsByItem.get(edit.itemId) ?? []), edit]);
  async function save(item: ItemView, patch: Parameters<typeof setChecklistItem>[2]) {
    try {
      failure.value = '';
      const started = performance.now();
      await setChecklistItem(view.runId, item.id, patch);
      // The bench reads this: from the tap to the record and outbox committed on the device.
      performance.measure('tinkuy:checklist-save', { start: started, end: performance.now() });
    } catch (error) {
      failure.value = error instanceof Error ? error.message : t('events.form.failed');
    }
  }
  const onFailure = (message: string) => (failure.value = message);
  return (
    <section class="screen checklist">
      <ScreenHeader title={view.title} />
      <BackLink href={`/eventos/${eventId}`} label={eventTitle} />
      <ProgressLine progress={view.progress} label={t('checklists.overall')} />
      {isReadOnly && <p class="note"><Icon name="info" /><span>{t('checklists.readOnly')}</span></p>}
      <div role="alert" class={failure.value ? 'note note--attention' : 'visually-hidden'}>
        {failure.value && <Icon name="attention" />}<span>{failure.value}</span>
      </div>
      {view.hiddenCount > 0 && (
        <button type="button" class="button button--light" aria-pressed={showHidden.value} onClick={() => (showHidden.value = !showHidden.value)}>
          {tn(showHidden.value ? 'checklists.hideNa' : 'checklists.showNa', view.hiddenCount)}
        </button>
      )}
      {isLong && (
        <p class="checklist__folding">
          <span>{t('checklists.foldNote')}</span>
          <button type="button" class="button button--light" onClick={() => setUnfolded(isAllOpen ? new Set() : new Set(view.sections.map((s) => s.id)))}>
            {t(isAllOpen ? 'checklists.foldAll' : 'checklists.unfoldAll')}
          </button>
        </p>
      )}
      {view.sections.map((section) => (
        <ChecklistSection key={section.id} section={section} isFolded={isLong && !unfolded.has(section.id)} {...(isLong ? { onFold: () => fold(section.id) } : {})}
          items={() => section.items.filter((i) => i.applies || showHidden.value).map((item) => (
            <ChecklistItem key={item.id} runId={view.runId} item={item} myName={myName} isOpen={openId.value === item.id} isReadOnly={isReadOnly}
              lostEdits={editsByItem.get(item.id) ?? NO_LOST_EDITS} onFailure={onFailure}
              onToggle={() => (openId.value = openId.value === item.id ? '' : item.id)} onSave={(patch) => save(item, patch)} />
          ))} />
      ))}
      {!isReadOnly && <AddItemForm runId={view.runId} sections={view.sections.map((s) => s.title)} />}
    </section>
  );
}
