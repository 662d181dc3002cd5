import type { LocalWorkshop } from '../../state/workshop-model';
import { t, type MessageKey } from '../../shared/i18n/workshops';

const LIMA = new Intl.DateTimeFormat('es-PE', { dateStyle: 'full', timeStyle: 'short', timeZone: 'America/Lima' });
const LIMA_TIME = new Intl.DateTimeFormat('es-PE', { timeStyle: 'short', timeZone: 'America/Lima' });
const LIMA_SHORT = new Intl.DateTimeFormat('es-PE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Lima' });

/** When a workshop runs, in Lima time ("martes, 1 de diciembre de 2026, 9:00 a 13:00"). */
export function formatWhen(w: Pick<LocalWorkshop, 'startsAt' | 'endsAt'>): string {
  const sameDay = w.startsAt.slice(0, 10) === w.endsAt.slice(0, 10);
  const end = sameDay ? LIMA_TIME.format(new Date(w.endsAt)) : LIMA_SHORT.format(new Date(w.endsAt));
  return `${LIMA.format(new Date(w.startsAt))} – ${end}`;
}

/** A time in Lima, short ("1 dic 2026, 9:05"). */
export function formatLimaShort(iso: string): string {
  return LIMA_SHORT.format(new Date(iso));
}

/** The modality in words. */
export function describeModality(modality: LocalWorkshop['modality']): string {
  return t(`workshops.modality.${modality}` as MessageKey);
}
