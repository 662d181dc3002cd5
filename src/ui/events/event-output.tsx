import { useSignal } from '@preact/signals';
import type { LocalEvent } from '../../state/event-model';
import type { EventRun } from '../../state/event-checklists-model';
import { formatChecklistCsv, formatChecklistText, listResponsibles, shareText } from '../../state/checklist-export-model';
import { Icon } from '../shell/icons';
import { t } from '../../shared/i18n/checklists';
import { downloadBlob } from '../shell/download';
import { EventPhotos } from '../checklists/photos/photo-thumbs';

/** Print view, text summary (Web Share or copy) and CSV download, all made on the device. */
export function EventOutput({ event, runs }: { event: LocalEvent; runs: EventRun[] }) {
  const said = useSignal('');
  const responsibles = listResponsibles(runs);
  async function share(responsible?: string) {
    const outcome = await shareText(event.title, formatChecklistText(event, runs, responsible));
    said.value = t(outcome === 'shared' ? 'checklists.shared' : outcome === 'copied' ? 'checklists.copiedText' : 'checklists.shareFailed');
  }
  function download() {
    const blob = new Blob([formatChecklistCsv(runs)], { type: 'text/csv;charset=utf-8' });
    downloadBlob(blob, `${event.title.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}-listas.csv`);
    said.value = t('checklists.csvDone');
  }
  return (
    <div class="form-group">
      <h2>{t('checklists.output')}</h2>
      <div class="events__actions">
        <a class="button button--secondary" href={`/eventos/${event.id}/imprimir`}>{t('checklists.print')}</a>
        <button type="button" class="button button--secondary" onClick={() => share()}>{t('checklists.share')}</button>
        <button type="button" class="button button--secondary" onClick={download}>{t('checklists.csv')}</button>
      </div>
      {responsibles.length > 0 && (
        <details>
          <summary>{t('checklists.shareEach')}</summary>
          <div class="events__actions">
            {responsibles.map(({ name, count }) => (
              <button key={name} type="button" class="button button--light" onClick={() => share(name)}>{t('checklists.shareFor', { name, count })}</button>
            ))}
          </div>
        </details>
      )}
      <p role="status" class={said.value ? 'note note--done' : 'visually-hidden'}>
        {said.value && <Icon name="upToDate" />}
        <span>{said.value}</span>
      </p>
      <EventPhotos runs={runs} />
    </div>
  );
}
