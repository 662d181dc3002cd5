import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { useLocation } from 'preact-iso';
import { saveWorkshop, watchWorkshop } from '../../state/workshop-model';
import {
  forgetWorkshopDraft, keepWorkshopDraft, loadWorkshopDraft, makeDraftFromWorkshop, makeEmptyWorkshopDraft, validateWorkshopDraft,
  type WorkshopDraft, type WorkshopErrors,
} from '../../state/workshop-form-model';
import { listProvinceOptions, listRegionOptions } from '../../state/place-picker-model';
import { WORKSHOP_MODALITIES } from '../../shared/schemas/workshop';
import { ScreenHeader } from '../shell/screen-header';
import { Icon } from '../shell/icons';
import { describe, Field, Notice, Select } from './form-parts';
import { describeModality } from './format';
import { tw } from './workshops-text';

/** Nuevo taller / Editar taller: saved on the device (offline too) and sent by sync; the draft survives a reload. */
export function WorkshopForm({ workshopId }: { workshopId?: string }) {
  const key = workshopId ?? 'nuevo';
  const stored = workshopId ? watchWorkshop(workshopId).value : undefined;
  const draft = useSignal<WorkshopDraft | undefined>(loadWorkshopDraft(key) ?? (workshopId ? undefined : makeEmptyWorkshopDraft()));
  const errors = useSignal<WorkshopErrors>({});
  const failure = useSignal('');
  const { route } = useLocation();
  useEffect(() => {
    if (!draft.value && stored) draft.value = makeDraftFromWorkshop(stored);
  }, [stored]);

  function change(patch: Partial<WorkshopDraft>) {
    draft.value = { ...(draft.value ?? makeEmptyWorkshopDraft()), ...patch };
    keepWorkshopDraft(key, draft.value);
  }

  async function handleSubmit(e: Event) {
    e.preventDefault();
    if (!draft.value) return;
    const checked = validateWorkshopDraft(draft.value);
    if ('errors' in checked) {
      errors.value = checked.errors;
      failure.value = tw('workshops.form.fix');
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.ws-form [aria-invalid="true"]')?.focus());
      return;
    }
    try {
      const base = stored ? { id: stored.id, code: stored.code } : {};
      const id = await saveWorkshop({ ...checked.input, ...base });
      forgetWorkshopDraft(key);
      route(`/talleres/${id}`);
    } catch (error) {
      failure.value = error instanceof Error ? error.message : tw('workshops.form.failed');
    }
  }

  const d = draft.value;
  const err = errors.value;
  return (
    <section class="screen workshops">
      <a class="screen-header__back" href={workshopId ? `/talleres/${workshopId}` : '/talleres'}><Icon name="back" /><span>{tw('workshops.back')}</span></a>
      <ScreenHeader title={workshopId ? tw('workshops.edit') : tw('workshops.new')} />
      <Notice kind="error" text={failure.value} />
      {!d ? <p>{tw('workshops.loading')}</p> : (
        <form class="ws-form" onSubmit={handleSubmit} noValidate>
          <Field id="ws-title" label={tw('workshops.field.title')} error={err.title}>
            <input id="ws-title" type="text" value={d.title} onInput={(e) => change({ title: e.currentTarget.value })} {...describe('ws-title', err.title)} />
          </Field>
          <Field id="ws-topic" label={tw('workshops.field.topic')} error={err.topic}>
            <input id="ws-topic" type="text" value={d.topic} onInput={(e) => change({ topic: e.currentTarget.value })} {...describe('ws-topic', err.topic)} />
          </Field>
          <fieldset class="ws-group">
            <legend>{tw('workshops.field.start')}</legend>
            <Field id="ws-start-date" label={tw('workshops.field.date')} error={err.startDate}>
              <input id="ws-start-date" type="date" value={d.startDate} onInput={(e) => change({ startDate: e.currentTarget.value, ...(d.endDate ? {} : { endDate: e.currentTarget.value }) })} {...describe('ws-start-date', err.startDate)} />
            </Field>
            <Field id="ws-start-time" label={tw('workshops.field.time')}>
              <input id="ws-start-time" type="time" value={d.startTime} onInput={(e) => change({ startTime: e.currentTarget.value })} />
            </Field>
          </fieldset>
          <fieldset class="ws-group">
            <legend>{tw('workshops.field.end')}</legend>
            <Field id="ws-end-date" label={tw('workshops.field.date')} error={err.endDate}>
              <input id="ws-end-date" type="date" value={d.endDate} onInput={(e) => change({ endDate: e.currentTarget.value })} {...describe('ws-end-date', err.endDate)} />
            </Field>
            <Field id="ws-end-time" label={tw('workshops.field.time')}>
              <input id="ws-end-time" type="time" value={d.endTime} onInput={(e) => change({ endTime: e.currentTarget.value })} />
            </Field>
          </fieldset>
          <fieldset class="ws-group" {...(err.modality ? { 'aria-describedby': 'ws-modality-error' } : {})}>
            <legend>{tw('workshops.field.modality')}</legend>
            {WORKSHOP_MODALITIES.map((m) => (
              <label key={m} class="ws-check">
                <input type="radio" name="ws-modality" value={m} checked={d.modality === m} onChange={() => change({ modality: m })} />
                <span>{describeModality(m)}</span>
              </label>
            ))}
            {err.modality && <p id="ws-modality-error" class="ws-error"><Icon name="attention" /><span>{err.modality}</span></p>}
          </fieldset>
          {d.modality !== 'virtual' && (
            <fieldset class="ws-group">
              <legend>{tw('workshops.field.place')}</legend>
              <Field id="ws-region" label={tw('workshops.field.region')} error={err.provinceCode}>
                <Select id="ws-region" value={d.regionCode} options={listRegionOptions()} empty={tw('workshops.pick')} error={err.provinceCode}
                  onPick={(code) => change({ regionCode: code, provinceCode: '' })} />
              </Field>
              <Field id="ws-province" label={tw('workshops.field.province')}>
                <Select id="ws-province" value={d.provinceCode} options={listProvinceOptions(d.regionCode)} empty={tw('workshops.pickOptional')}
                  onPick={(code) => change({ provinceCode: code })} />
              </Field>
              <Field id="ws-venue" label={tw('workshops.field.venue')} error={err.venue}>
                <input id="ws-venue" type="text" value={d.venue} onInput={(e) => change({ venue: e.currentTarget.value })} {...describe('ws-venue', err.venue)} />
              </Field>
            </fieldset>
          )}
          {d.modality !== 'presencial' && d.modality !== '' && (
            <Field id="ws-link" label={tw('workshops.field.link')} error={err.link}>
              <input id="ws-link" type="url" inputMode="url" value={d.link} onInput={(e) => change({ link: e.currentTarget.value })} {...describe('ws-link', err.link)} />
            </Field>
          )}
          <Field id="ws-capacity" label={tw('workshops.field.capacity')} error={err.capacity}>
            <input id="ws-capacity" type="text" inputMode="numeric" value={d.capacity} onInput={(e) => change({ capacity: e.currentTarget.value })} {...describe('ws-capacity', err.capacity)} />
          </Field>
          <Field id="ws-facilitators" label={tw('workshops.field.facilitators')} hint={tw('workshops.field.facilitatorsHint')} error={err.facilitators}>
            <textarea id="ws-facilitators" rows={3} value={d.facilitators} onInput={(e) => change({ facilitators: e.currentTarget.value })} {...describe('ws-facilitators', err.facilitators, true)} />
          </Field>
          <button class="button" type="submit">{tw('workshops.form.save')}</button>
        </form>
      )}
    </section>
  );
}
