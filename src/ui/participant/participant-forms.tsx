import type { LocalWorkshop } from '../../state/workshop-model';
import { watchFeedbackSent } from '../../state/participant-model';
import { FeedbackForm } from '../workshops/feedback-form';
import { Notice } from '../forms/notice';
import { isRefused } from './participant-notes';
import { SendState } from './send-state';
import { t } from '../../shared/i18n/participant';
import '../../shared/i18n/workshops';

export { CheckIn } from './participant-check-in';

/*
 * The door's two forms, a chunk of their own with the form parts they use (#12, vite.config.ts):
 * the door offers «Registrar mi asistencia» before this code arrives, and fetches it right after
 * drawing the workshop. The participant's own constancia (./own-certificate: the PDF, the share
 * sheet) is another, asked for after this one, so its files do not hold the form back.
 */

/** The opinion: the form once; after it was sent from this phone, the thanks (after a reload too). */
export function Feedback({ workshop }: { workshop: LocalWorkshop }) {
  const isSent = watchFeedbackSent(workshop.id).value;
  if (isSent === undefined) return <p>{t('participant.loading')}</p>;
  if (isRefused(workshop.id, 'feedback.submit')) return null; // the RefusalNote above says what happened
  if (isSent) return <><Notice kind="done" text={t('participant.feedbackSent')} /><SendState workshopId={workshop.id} action="feedback.submit" /></>;
  return <FeedbackForm workshopId={workshop.id} workshopCode={workshop.code} onSent={() => undefined} />;
}
