import { useSignal } from '@preact/signals';
import { setChecklistItem } from '../../state/checklist-model';
import { watchChecklistScreen, type LostEdit } from '../../state/checklist-screen-model';
import { canEditEvent } from '../../state/permission-model';
import type { ChecklistView, ItemView } from '../../state/checklist-view-model';
import { BackLink, ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { ProgressLine } from '../events/progress-line';
import { ChecklistItem } from './checklist-item';
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

/**
 * The run's sections and items; pure props, so the bench renders it with 300 items. Read-only
 * (someone else's event, by the server's rule): no tick, no details to change, no new item.
 */
export function ChecklistBody({ eventId, eventTitle, view, myName = '', isReadOnly = false, lostEdits = [] }: {
  eventId: string; eventTitle: string; view: ChecklistView; myName?: string; isReadOnly?: boolean; lostEdits?: LostEdit[];
}) {
  const showHidden = useSignal(false);
  const openId = useSignal('');
  const failure = useSignal('');
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
      {view.sections.map((section) => (
        <section key={section.id} class="checklist__section" aria-labelledby={`sec-${section.id}`}>
          <h2 id={`sec-${section.id}`}>{section.title}</h2>
          <ProgressLine progress={section.progress} />
          <ul class="checklist__items">
            {section.items.filter((i) => i.applies || showHidden.value).map((item) => (
              <ChecklistItem key={item.id} item={item} myName={myName} isOpen={openId.value === item.id} isReadOnly={isReadOnly}
                lostEdits={lostEdits.filter((edit) => edit.itemId === item.id)} onFailure={(message) => (failure.value = message)}
                onToggle={() => (openId.value = openId.value === item.id ? '' : item.id)} onSave={(patch) => save(item, patch)} />
            ))}
          </ul>
        </section>
      ))}
      {!isReadOnly && <AddItemForm runId={view.runId} sections={view.sections.map((s) => s.title)} />}
    </section>
  );
}
