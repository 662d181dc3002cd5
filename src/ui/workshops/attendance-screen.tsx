import { useMemo } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { watchWorkshop } from '../../state/workshop-model';
import { findDuplicate, findLikelyDuplicate, registerAttendance, updateAttendance, watchRoster, type LikelyDuplicate } from '../../state/attendance-model';
import {
  attendanceDrafts, makeDraftFromRecord, makeEmptyAttendanceDraft, makeNextAttendanceDraft, type AttendanceDraft, type AttendanceErrors,
} from '../../state/attendance-form-model';
import { countByLevel, countByRegion } from '../../state/attendance-report-model';
import { indexValid, watchCertificates } from '../../state/certificate-model';
import { isKnownNotToLead } from '../../state/permission-model';
import { IssueAllCertificates } from './certificate-actions';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { attendanceSteps, AttendanceFields, ConsentFields } from './attendance-fields';
import { AttendanceRoster } from './attendance-roster';
import { AttendanceProposals } from './attendance-proposals';
import { watchProposals } from '../../state/attendance-proposals-model';
import { BarChart } from './bar-chart';
import { Notice } from '../forms/notice';
import { useDraftForm } from '../forms/use-draft-form';
import { formatDateTime } from '../../shared/calendar/lima-dates';
import type { AttendancePerson } from '../../shared/schemas/attendance';
import { t } from '../../shared/i18n/workshops';

/**
 * The warning shown while typing someone who may already be on the roster; says whether saving
 * merges them, and lets the facilitador say «No es la misma persona» (then they stay apart for good).
 */
function DuplicateWarning({ found, onNotSame }: { found: LikelyDuplicate | undefined; onNotSame(id: string): void }) {
  const existing = found?.record;
  return (
    <div role="status" class={existing ? 'note note--attention ws-duplicate' : 'visually-hidden'}>
      {existing && <Icon name="attention" />}
      {existing && (
        <div>
          <p>{t(found.willMerge ? 'attendance.duplicate' : 'attendance.likelyDuplicate', { name: existing.person.fullName, entity: existing.person.entityName, when: formatDateTime(existing.recordedAt) })}</p>
          <button type="button" class="button button--secondary" onClick={() => onNotSame(existing.id)}>{t('attendance.notSamePerson')}</button>
        </div>
      )}
    </div>
  );
}

/**
 * Registro de asistencia, made for a venue with no signal: big targets, Enter saves, and after
 * saving the form empties for the next person with a spoken confirmation. Each save is one
 * transaction (record + outbox), kept offline; the draft survives a reload.
 */
export function AttendanceScreen({ workshopId }: { workshopId: string }) {
  const workshop = watchWorkshop(workshopId).value;
  const roster = watchRoster(workshopId).value;
  const proposals = watchProposals(workshopId).value;
  const certificates = watchCertificates(workshopId).value;
  const valid = useMemo(() => indexValid(certificates), [certificates]);
  const form = useDraftForm<AttendanceDraft, AttendanceErrors>({ drafts: attendanceDrafts, key: workshopId, makeStart: makeEmptyAttendanceDraft });
  const done = useSignal('');
  // Records the facilitador said are not the person being typed («No es la misma persona»).
  const apart = useSignal<string[]>([]);

  function change(patch: Partial<AttendanceDraft>) {
    form.change(patch);
    done.value = '';
  }

  /** Empties the form for the next person; after a save, `keep` carries the entity, level and region over. */
  function startOver(message: string, keep?: AttendancePerson) {
    form.reset(keep ? makeNextAttendanceDraft(keep) : makeEmptyAttendanceDraft());
    apart.value = [];
    done.value = message;
    form.formRef.current?.querySelector<HTMLElement>('[data-first]')?.focus();
  }

  const handleSubmit = (e: Event) => form.submit(e, attendanceSteps(async (person, { editingId }) => {
    if (editingId) {
      await updateAttendance(editingId, person);
      startOver(t('attendance.corrected', { name: person.fullName }));
    } else {
      const distinctFrom = apart.value;
      const existing = findDuplicate(roster.filter((row) => !distinctFrom.includes(row.id)), person);
      await registerAttendance({ workshopId, person, consentGiven: true, roster, distinctFrom });
      startOver(t(existing ? 'attendance.savedMerged' : 'attendance.saved', { name: person.fullName, count: existing ? roster.length : roster.length + 1 }), person);
    }
  }));

  const byRegion = useMemo(() => countByRegion(roster), [roster]);
  const byLevel = useMemo(() => countByLevel(roster), [roster]);
  const d = form.draft ?? makeEmptyAttendanceDraft();
  // Reached by its address by a facilitador who does not lead the workshop: the server would refuse
  // their registrations, corrections and removals (not_owner), so none is offered.
  const outsider = isKnownNotToLead(workshopId);
  const duplicate = d.editingId ? undefined : findLikelyDuplicate(roster, { fullName: d.fullName, entityName: d.entityName, documentNumber: d.documentNumber, ...(d.documentType ? { documentType: d.documentType } : {}) }, undefined, apart.value);
  return (
    <section class="screen workshops">
      <ScreenHeader title={t('attendance.title')} back={{ href: `/talleres/${workshopId}`, label: t('workshops.back') }} />
      {workshop && <p class="ws-when">{workshop.title}</p>}
      {!outsider && <p class="note"><Icon name="info" /><span>{t('attendance.offline')}</span></p>}
      <Notice kind="done" text={done.value} />
      <Notice kind="error" text={form.failure} noticeRef={form.noticeRef} />
      {outsider ? <p class="note note--attention"><Icon name="attention" /><span>{t('attendance.notYours')}</span></p> : <>
      <AttendanceProposals proposals={proposals} roster={roster} onDone={(message) => (done.value = message)} />
      <form ref={form.formRef} class="form" onSubmit={handleSubmit} noValidate aria-busy={form.isBusy} aria-label={t('attendance.formLabel')}>
        {d.editingId && <p class="note note--pending"><Icon name="events" /><span>{t('attendance.editing', { name: d.fullName })}</span></p>}
        <AttendanceFields draft={d} errors={form.errors} onChange={change} prefix="att" />
        <DuplicateWarning found={duplicate} onNotSame={(id) => (apart.value = [...apart.value, id])} />
        <ConsentFields draft={d} errors={form.errors} onChange={change} prefix="att" />
        <p id="att-save-why" class={d.consent ? 'visually-hidden' : 'form-hint form-hint--strong'}>{d.consent ? '' : t('attendance.needsConsent')}</p>
        <div class="form-actions">
          <button class="button ws-save" type="submit" aria-describedby="att-save-why">
            <Icon name="upToDate" /><span>{d.editingId ? t('attendance.saveCorrection') : t('attendance.save')}</span>
          </button>
          {d.editingId && <button type="button" class="button button--secondary" onClick={() => startOver('')}>{t('attendance.cancelEdit')}</button>}
        </div>
      </form>
      </>}
      <h2>{t('attendance.counts', { count: roster.length })}</h2>
      <BarChart title={t('report.byRegion')} bars={byRegion} unit={t('report.people')} />
      <BarChart title={t('report.byLevel')} bars={byLevel} unit={t('report.people')} />
      <IssueAllCertificates workshopId={workshopId} roster={roster} valid={valid} />
      <AttendanceRoster workshopId={workshopId} roster={roster} certificates={valid} canChange={!outsider} onEdit={(row) => {
        form.fill(makeDraftFromRecord(row));
        done.value = '';
        form.formRef.current?.querySelector<HTMLElement>('[data-first]')?.focus();
      }} />
    </section>
  );
}
