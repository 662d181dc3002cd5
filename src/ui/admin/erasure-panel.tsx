import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { formatDateTime } from '../../shared/calendar/lima-dates';
import type { ErasureMatch } from '../../shared/schemas/admin';
import { eraseFound, erasureStep, startErasureSearch, loadErasureLog, type ErasureStep } from '../../state/admin-data-model';
import { isOnline } from '../../state/app-model';
import { ActionNoteLine, AdminOfflineNote, type ActionNote } from './admin-status';
import { ConfirmStep } from './confirm-step';
import { ErasureLog } from './erasure-log';
import { ErasureSearch } from './erasure-search';
import { t, tn } from '../../shared/i18n/admin';

/**
 * Administración → Suprimir datos de una persona (Ley 29733): search by document or by name and
 * entity, see every attendance record that would go, erase after a question, and the log.
 */
export function ErasurePanel() {
  const online = isOnline.value;
  useEffect(() => {
    startErasureSearch();
  }, []);
  useEffect(() => {
    if (online) void loadErasureLog();
  }, [online]);
  return (
    <>
      <AdminOfflineNote />
      <p>{t('admin.erasure.intro')}</p>
      <StepView step={erasureStep.value} />
      <ErasureLog />
    </>
  );
}

function StepView({ step }: { step: ErasureStep }) {
  if (step.kind === 'search') return <ErasureSearch />;
  if (step.kind === 'erased') {
    return (
      <>
        <ActionNoteLine note={{ tone: 'done', text: tn('admin.erasure.done', step.count) }} />
        <button type="button" class="button button--secondary" onClick={startErasureSearch}>{t('admin.erasure.again')}</button>
      </>
    );
  }
  return <FoundView matches={step.matches} />;
}

function FoundView({ matches }: { matches: ErasureMatch[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // What was found takes focus, so a screen reader hears how many records would go.
  useEffect(() => heading.current?.focus(), []);
  const asking = useSignal(false);
  const isBusy = useSignal(false);
  const note = useSignal<ActionNote>(null);
  const erase = async () => {
    isBusy.value = true;
    const outcome = await eraseFound();
    isBusy.value = false;
    asking.value = false;
    if (!outcome.ok) note.value = { tone: 'refused', text: outcome.offline ? t('admin.offline') : outcome.message };
  };
  if (matches.length === 0) {
    return (
      <>
        <p role="status" class="note">{t('admin.erasure.none')}</p>
        <button type="button" class="button button--secondary" onClick={startErasureSearch}>{t('admin.erasure.again')}</button>
      </>
    );
  }
  return (
    <section class="card" aria-labelledby="admin-erasure-found">
      <h2 id="admin-erasure-found" tabIndex={-1} ref={heading}>{tn('admin.erasure.found', matches.length)}</h2>
      <ul class="admin__matches">
        {matches.map((m) => (
          <li key={m.id}>
            {t('admin.erasure.match', {
              name: m.fullName, entity: m.entityName, when: formatDateTime(m.recordedAt),
              workshop: m.workshopTitle ? `${m.workshopTitle}${m.workshopCode ? ` (${m.workshopCode})` : ''}` : t('admin.erasure.unknownWorkshop'),
            })}
          </li>
        ))}
      </ul>
      <ActionNoteLine note={note.value} />
      {asking.value
        ? <ConfirmStep question={t('admin.erasure.confirmQuestion')} isBusy={isBusy.value} onYes={() => void erase()} onNo={() => (asking.value = false)} />
        : (
          <div class="admin__actions">
            <button type="button" class="button" onClick={() => (asking.value = true)}>{t('admin.erasure.confirm')}</button>
            <button type="button" class="button button--secondary" onClick={startErasureSearch}>{t('admin.erasure.again')}</button>
          </div>
        )}
    </section>
  );
}
