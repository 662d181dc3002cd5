import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../shell/icons';
import { t } from '../../shared/i18n/events';

/** An inline question before something hard to undo; focus moves to it, Cancelar is first. */
export function ConfirmBox({ question, yes, onYes, onNo }: { question: string; yes: string; onYes(): void; onNo(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="note note--attention confirm" role="alertdialog" aria-label={question} tabIndex={-1} ref={ref}>
      <Icon name="attention" />
      <p>{question}</p>
      <div class="events__actions">
        <button type="button" class="button button--secondary" onClick={onNo}>{t('events.cancel')}</button>
        <button type="button" class="button" onClick={onYes}>{yes}</button>
      </div>
    </div>
  );
}
