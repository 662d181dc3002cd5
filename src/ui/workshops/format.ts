import type { LocalWorkshop } from '../../state/workshop-model';
import { t, type MessageKey } from '../../shared/i18n/workshops';

/** The modality in words. */
export function describeModality(modality: LocalWorkshop['modality']): string {
  return t(`workshops.modality.${modality}` as MessageKey);
}
