import { findWorkshopWindow } from '../../shared/workshop-window';
import { formatDateTime } from '../../shared/calendar/lima-dates';
import type { LocalWorkshop } from '../../state/workshop-model';
import { readRefusal, type ParticipantAction } from '../../state/refusal-model';
import { Icon } from '../shell/icons';
import { t } from '../../shared/i18n/participant';

/**
 * Why the forms are not offered: the participants' window (the shared rule the server applies)
 * is closed or not open yet by this phone's clock. Sending anyway would only be refused.
 */
export function WindowShut({ workshop, state }: { workshop: Pick<LocalWorkshop, 'startsAt' | 'endsAt'>; state: 'closed' | 'not-yet' }) {
  const { opensAt, closesAt } = findWorkshopWindow(workshop);
  const text = state === 'closed' ? t('participant.closedNow', { when: formatDateTime(closesAt) }) : t('participant.notYetNow', { when: formatDateTime(opensAt) });
  return <p class="note note--attention" role="status"><Icon name="attention" /><span>{text}</span></p>;
}

const REFUSED_WORDS: Record<ParticipantAction, 'participant.refused.checkIn' | 'participant.refused.feedback'> = {
  'attendance.register': 'participant.refused.checkIn',
  'feedback.submit': 'participant.refused.feedback',
};

/** The server's refusal of what this phone sent, in the server's own words; nothing when none. */
export function RefusalNote({ workshopId, action }: { workshopId: string; action: ParticipantAction }) {
  const refusal = readRefusal(workshopId, action);
  if (!refusal) return null;
  return (
    <p class="note note--attention" role="alert">
      <Icon name="attention" />
      <span><strong>{t(REFUSED_WORDS[action])}</strong> {refusal.message}</span>
    </p>
  );
}

/** Whether the server refused this phone's `action` on the workshop (read in a render: live). */
export function isRefused(workshopId: string, action: ParticipantAction): boolean {
  return readRefusal(workshopId, action) !== undefined;
}
