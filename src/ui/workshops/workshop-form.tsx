import { useLocation } from 'preact-iso';
import { saveWorkshop, watchWorkshop } from '../../state/workshop-model';
import {
  makeDraftFromWorkshop, makeEmptyWorkshopDraft, validateWorkshopDraft, workshopDrafts, type WorkshopDraft, type WorkshopErrors,
} from '../../state/workshop-form-model';
import { ScreenHeader } from '../shell/screen-header';
import { Notice } from '../forms/notice';
import { useDraftForm } from '../forms/use-draft-form';
import { WorkshopFields } from './workshop-form-fields';
import { Icon } from '../shell/icons';
import { canEditWorkshop, watchWorkshopLead, watchWorkshopTeam } from '../../state/permission-model';
import { useSignal } from '@preact/signals';
import { CofacilitatorPicker } from './cofacilitator-picker';
import { currentUser } from '../../state/session-model';
import { t } from '../../shared/i18n/workshops';

// Inputs whose errors show under another field's name.
const FIELD_OF_INPUT = { startTime: 'startDate', endTime: 'endDate', regionCode: 'provinceCode' } as const;

/**
 * Nuevo taller / Editar taller: saved on the device (offline too) and sent by sync; the draft
 * survives a reload, and a double tap on a slow phone saves one workshop, not two.
 */
export function WorkshopForm({ workshopId }: { workshopId?: string }) {
  const stored = workshopId ? watchWorkshop(workshopId).value : undefined;
  const form = useDraftForm<WorkshopDraft, WorkshopErrors>({
    drafts: workshopDrafts, key: workshopId ?? 'nuevo', makeStart: () => (workshopId ? undefined : makeEmptyWorkshopDraft()),
    record: stored ? makeDraftFromWorkshop(stored) : undefined, errorFieldOf: FIELD_OF_INPUT,
  });
  const { route } = useLocation();
  // The team goes out only once the person changed it: a list that could not be read never empties it.
  const team = useSignal<string[] | undefined>(undefined);
  const savedTeam = workshopId ? watchWorkshopTeam(workshopId).value : [];
  const ownerId = workshopId ? watchWorkshopLead(workshopId).value ?? undefined : currentUser.value?.id;

  const handleSubmit = (e: Event) => form.submit(e, {
    validate: validateWorkshopDraft,
    save: async ({ input }) => {
      const base = stored ? { id: stored.id, code: stored.code } : {};
      const id = await saveWorkshop({ ...input, ...base, ...(team.value ? { cofacilitatorIds: team.value } : {}) });
      route(`/talleres/${id}`);
    },
    fixMessage: () => t('workshops.form.fix'),
    failedMessage: t('workshops.form.failed'),
  });

  if (workshopId && !canEditWorkshop(workshopId)) {
    // Reached by its address only: the workshop screen offers «Editar taller» only to who leads it.
    return (
      <section class="screen workshops">
        <ScreenHeader title={t('workshops.edit')} back={{ href: `/talleres/${workshopId}`, label: t('workshops.back') }} />
        <p class="note"><Icon name="info" /><span>{t('workshops.notYours')}</span></p>
      </section>
    );
  }
  return (
    <section class="screen workshops">
      <ScreenHeader title={workshopId ? t('workshops.edit') : t('workshops.new')} back={{ href: workshopId ? `/talleres/${workshopId}` : '/talleres', label: t('workshops.back') }} />
      <Notice kind="error" text={form.failure} noticeRef={form.noticeRef} />
      {!form.draft ? <p>{t('workshops.loading')}</p> : (
        <form ref={form.formRef} class="form" onSubmit={handleSubmit} noValidate aria-busy={form.isBusy}>
          <WorkshopFields draft={form.draft} errors={form.errors} onChange={form.change} />
          <CofacilitatorPicker ownerId={ownerId} selected={team.value ?? savedTeam} onChange={(ids) => (team.value = ids)} />
          <button class="button" type="submit" disabled={form.isBusy}>{t('workshops.form.save')}</button>
        </form>
      )}
    </section>
  );
}
