import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n/admin';

/**
 * The question before a change that signs people out or erases data: it takes focus when it
 * appears (a screen reader hears it), and «Cancelar» or «Sí, continuar» answer it.
 */
export function ConfirmStep({ question, isBusy, onYes, onNo }: { question: string; isBusy: boolean; onYes(): void; onNo(): void }) {
  const text = useRef<HTMLParagraphElement>(null);
  useEffect(() => text.current?.focus(), []);
  return (
    <div class="admin__confirm" role="group" aria-label={question}>
      <p tabIndex={-1} ref={text}>{question}</p>
      <div class="admin__actions">
        <button type="button" class="button" disabled={isBusy} onClick={onYes}>{t('admin.confirm.yes')}</button>
        <button type="button" class="button button--secondary" onClick={onNo}>{t('admin.confirm.no')}</button>
      </div>
    </div>
  );
}
