import { useSignal } from '@preact/signals';
import { isMerged, removeAttendance, searchRoster, type LocalAttendance } from '../../state/attendance-model';
import { ENTITY_LABELS } from '../../state/attendance-report-model';
import { regionName } from '../../shared/places/regions';
import type { LocalCertificate } from '../../state/certificate-model';
import { Icon } from '../shell/icons';
import { PersonCertificate } from './certificate-actions';
import { Field } from '../forms/field';
import { RosterMerge } from './roster-merge';
import { LostAttendanceEditNote } from './lost-attendance-edit-note';
import { lostAttendanceEdits } from '../../state/attendance-lost-edits-model';
import { t } from '../../shared/i18n/workshops';

const ROSTER_PREVIEW = 20;

/** The roster with a search; each person can be corrected, merged or removed (after a confirmation) by who leads the workshop. */
export function AttendanceRoster({ workshopId, roster, certificates, canChange, onEdit }: {
  workshopId: string; roster: readonly LocalAttendance[]; certificates: ReadonlyMap<string, LocalCertificate>; canChange: boolean; onEdit(row: LocalAttendance): void;
}) {
  const query = useSignal('');
  const confirming = useSignal('');
  const merging = useSignal('');
  const isAll = useSignal(false);
  const failure = useSignal('');
  const lostEdits = lostAttendanceEdits.value;
  const found = searchRoster(roster, query.value);
  // Newest first, and only the last ones until asked: 500 cards re-rendered at each keystroke
  // would slow the form on a low-end phone. A search always shows every match.
  const shown = (query.value || isAll.value ? found : found.slice(-ROSTER_PREVIEW)).reverse();
  return (
    <section class="ws-roster" aria-labelledby="ws-roster-title">
      <h2 id="ws-roster-title">{t('roster.title')}</h2>
      <div class="form-controls">
        <Field id="ws-roster-search" label={t('roster.search')}>
          <input id="ws-roster-search" type="search" value={query.value} onInput={(e) => (query.value = e.currentTarget.value)} />
        </Field>
      </div>
      <p role="status" class="ws-muted">{t('roster.shown', { shown: shown.length, total: roster.length })}</p>
      {shown.length < found.length && (
        <button type="button" class="button button--secondary" onClick={() => (isAll.value = true)}>{t('roster.showAll', { count: found.length })}</button>
      )}
      {failure.value && <p class="note note--attention" role="alert"><Icon name="attention" /><span>{failure.value}</span></p>}
      <ul class="ws-list">
        {shown.map((row) => (
          <li key={row.id} class="card ws-person">
            <p class="ws-person__name">{row.person.fullName}</p>
            <p class="ws-muted">{row.person.entityName} · {ENTITY_LABELS[row.person.entityType]} · {regionName(row.person.regionCode) ?? row.person.regionCode}</p>
            {canChange && lostEdits.filter((edit) => edit.rowId === row.id).map((edit) => (
              <LostAttendanceEditNote key={edit.key} edit={edit} name={row.person.fullName} onFailure={(message) => (failure.value = message)} />
            ))}
            {isMerged(row) && <p class="ws-state"><Icon name="syncing" /><span>{t('roster.merged', { count: row.mergedIds.length })}</span></p>}
            {confirming.value === row.id ? (
              <div class="note note--attention" role="alertdialog" aria-label={t('roster.confirmRemove', { name: row.person.fullName })}>
                <Icon name="attention" />
                <p>{t('roster.confirmRemove', { name: row.person.fullName })}</p>
                <div class="ws-actions">
                  <button type="button" class="button button--secondary" onClick={() => (confirming.value = '')}>{t('roster.keep')}</button>
                  <button type="button" class="button" onClick={() => { confirming.value = ''; void removeAttendance(row.id); }}>{t('roster.remove')}</button>
                </div>
              </div>
            ) : merging.value === row.id ? (
              <RosterMerge row={row} roster={roster} onDone={() => (merging.value = '')} />
            ) : (
              <div class="ws-actions">
                {canChange && <>
                  <button type="button" class="button button--secondary" onClick={() => onEdit(row)} aria-label={t('roster.editFor', { name: row.person.fullName })}>{t('roster.edit')}</button>
                  <button type="button" class="button button--secondary" onClick={() => (merging.value = row.id)} aria-label={t('roster.mergeFor', { name: row.person.fullName })}>{t('roster.merge')}</button>
                  <button type="button" class="button button--secondary" onClick={() => (confirming.value = row.id)} aria-label={t('roster.removeFor', { name: row.person.fullName })}>{t('roster.remove')}</button>
                </>}
                <PersonCertificate workshopId={workshopId} row={row} certificate={certificates.get(row.id)} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
