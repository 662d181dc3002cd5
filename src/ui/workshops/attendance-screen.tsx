import { useMemo, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { watchWorkshop } from '../../state/workshop-model';
import { findDuplicate, registerAttendance, updateAttendance, watchRoster, type LocalAttendance } from '../../state/attendance-model';
import {
  forgetAttendanceDraft, keepAttendanceDraft, loadAttendanceDraft, makeDraftFromRecord, makeEmptyAttendanceDraft, validateAttendanceDraft,
  type AttendanceDraft, type AttendanceErrors,
} from '../../state/attendance-form-model';
import { countByLevel, countByRegion } from '../../state/attendance-report-model';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { AttendanceFields, ConsentFields } from './attendance-fields';
import { AttendanceRoster } from './attendance-roster';
import { BarChart } from './bar-chart';
import { Notice } from './form-parts';
import { formatLimaShort } from './format';
import { tw } from './workshops-text';

/** The warning shown while typing someone already on the roster. */
function DuplicateWarning({ existing }: { existing: LocalAttendance | undefined }) {
  return (
    <div role="status" class={existing ? 'note note--attention' : 'visually-hidden'}>
      {existing && <Icon name="attention" />}
      {existing && (
        <span>{tw('attendance.duplicate', { name: existing.person.fullName, entity: existing.person.entityName, when: formatLimaShort(existing.recordedAt) })}</span>
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
  const draft = useSignal<AttendanceDraft>(loadAttendanceDraft(workshopId) ?? makeEmptyAttendanceDraft());
  const errors = useSignal<AttendanceErrors>({});
  const failure = useSignal('');
  const done = useSignal('');
  const formRef = useRef<HTMLFormElement>(null);

  function change(patch: Partial<AttendanceDraft>) {
    draft.value = { ...draft.value, ...patch };
    done.value = '';
    keepAttendanceDraft(workshopId, draft.value);
  }

  function startOver(message: string) {
    draft.value = makeEmptyAttendanceDraft();
    forgetAttendanceDraft(workshopId);
    errors.value = {};
    failure.value = '';
    done.value = message;
    formRef.current?.querySelector<HTMLElement>('[data-first]')?.focus();
  }

  async function handleSubmit(e: Event) {
    e.preventDefault();
    const checked = validateAttendanceDraft(draft.value);
    if ('errors' in checked) {
      errors.value = checked.errors;
      failure.value = checked.errors.consent && Object.keys(checked.errors).length === 1 ? checked.errors.consent : tw('attendance.fix');
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    try {
      if (draft.value.editingId) {
        await updateAttendance(draft.value.editingId, checked.person);
        startOver(tw('attendance.corrected', { name: checked.person.fullName }));
      } else {
        const existing = findDuplicate(roster, checked.person);
        await registerAttendance({ workshopId, person: checked.person, consentGiven: true, roster });
        startOver(tw(existing ? 'attendance.savedMerged' : 'attendance.saved', { name: checked.person.fullName, count: existing ? roster.length : roster.length + 1 }));
      }
    } catch (error) {
      failure.value = error instanceof Error ? error.message : tw('workshops.form.failed');
    }
  }

  const byRegion = useMemo(() => countByRegion(roster), [roster]);
  const byLevel = useMemo(() => countByLevel(roster), [roster]);
  const d = draft.value;
  const duplicate = d.editingId ? undefined : findDuplicate(roster, { fullName: d.fullName, entityName: d.entityName, documentNumber: d.documentNumber, ...(d.documentType ? { documentType: d.documentType } : {}) });
  return (
    <section class="screen workshops">
      <a class="screen-header__back" href={`/talleres/${workshopId}`}><Icon name="back" /><span>{tw('workshops.back')}</span></a>
      <ScreenHeader title={tw('attendance.title')} />
      {workshop && <p class="ws-when">{workshop.title}</p>}
      <p class="note"><Icon name="info" /><span>{tw('attendance.offline')}</span></p>
      <Notice kind="done" text={done.value} />
      <Notice kind="error" text={failure.value} />
      <form ref={formRef} class="ws-form" onSubmit={handleSubmit} noValidate aria-label={tw('attendance.formLabel')}>
        {d.editingId && <p class="note note--pending"><Icon name="events" /><span>{tw('attendance.editing', { name: d.fullName })}</span></p>}
        <AttendanceFields draft={d} errors={errors.value} onChange={change} prefix="att" />
        <DuplicateWarning existing={duplicate} />
        <ConsentFields draft={d} errors={errors.value} onChange={change} prefix="att" />
        <p id="att-save-why" class={d.consent ? 'visually-hidden' : 'ws-hint ws-hint--strong'}>{d.consent ? '' : tw('attendance.needsConsent')}</p>
        <div class="ws-actions">
          <button class="button ws-save" type="submit" aria-describedby="att-save-why">
            <Icon name="upToDate" /><span>{d.editingId ? tw('attendance.saveCorrection') : tw('attendance.save')}</span>
          </button>
          {d.editingId && <button type="button" class="button button--secondary" onClick={() => startOver('')}>{tw('attendance.cancelEdit')}</button>}
        </div>
      </form>
      <h2>{tw('attendance.counts', { count: roster.length })}</h2>
      <BarChart title={tw('report.byRegion')} bars={byRegion} unit={tw('report.people')} />
      <BarChart title={tw('report.byLevel')} bars={byLevel} unit={tw('report.people')} />
      <AttendanceRoster roster={roster} onEdit={(row) => {
        draft.value = makeDraftFromRecord(row);
        done.value = '';
        formRef.current?.querySelector<HTMLElement>('[data-first]')?.focus();
      }} />
    </section>
  );
}
