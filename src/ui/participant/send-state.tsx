import { pendingCount } from '../../state/sync-model';
import type { ParticipantAction } from '../../state/refusal-model';
import { Icon } from '../shell/icons';
import { isRefused } from './participant-notes';
import { t } from '../../shared/i18n/participant';

/**
 * Sent or waiting: the state of what this phone saved, in a word and an icon. A refused action
 * says nothing here: its refusal (RefusalNote) is shown instead, never a false «Enviado».
 */
export function SendState({ workshopId, action }: { workshopId: string; action: ParticipantAction }) {
  if (isRefused(workshopId, action)) return null;
  const waiting = pendingCount.value > 0;
  return (
    <p class="ws-state" role="status">
      <Icon name={waiting ? 'pending' : 'upToDate'} />
      <span>{waiting ? t('participant.waiting') : t('participant.sent')}</span>
    </p>
  );
}
