import { acceptProposal, describeChanges, dismissProposal, type LocalProposal } from '../../state/attendance-proposals-model';
import type { LocalAttendance } from '../../state/attendance-model';
import { Icon } from '../shell/icons';
import { t } from '../../shared/i18n/workshops';
import './proposals.css';

interface ProposalsProps {
  proposals: readonly LocalProposal[];
  roster: readonly LocalAttendance[];
  /** Told once the choice is saved on this phone, with the words to confirm it. */
  onDone(message: string): void;
}

/**
 * «Propuesta de corrección»: what a person wrote at their own check-in that differs from their
 * record. Nothing changed until the facilitador accepts; each card shows the record's value
 * beside the proposed one, field by field.
 */
export function AttendanceProposals({ proposals, roster, onDone }: ProposalsProps) {
  if (proposals.length === 0) return null;
  return (
    <section class="ws-proposals" aria-labelledby="ws-proposals-title">
      <h2 id="ws-proposals-title">{t('proposal.heading', { count: proposals.length })}</h2>
      <p class="ws-muted">{t('proposal.about')}</p>
      <ul class="ws-list">
        {proposals.map((proposal) => {
          const record = roster.find((row) => row.id === proposal.attendanceId);
          const name = record?.person.fullName ?? proposal.patch.fullName ?? t('proposal.someone');
          return (
            <li key={proposal.id} class="card ws-person" aria-label={t('proposal.title', { name })}>
              <p class="ws-state"><Icon name="attention" /><span>{t('proposal.title', { name })}</span></p>
              <dl class="ws-changes">
                {describeChanges(proposal, record?.person).map((change) => (
                  <div key={change.field}>
                    <dt>{change.label}</dt>
                    <dd>{t('proposal.now', { value: change.current || t('proposal.empty') })}</dd>
                    <dd><strong>{t('proposal.proposed', { value: change.proposed })}</strong></dd>
                  </div>
                ))}
              </dl>
              <div class="ws-actions">
                <button type="button" class="button" aria-label={t('proposal.acceptFor', { name })}
                  onClick={() => void acceptProposal(proposal).then(() => onDone(t('proposal.accepted', { name })))}>{t('proposal.accept')}</button>
                <button type="button" class="button button--secondary" aria-label={t('proposal.dismissFor', { name })}
                  onClick={() => void dismissProposal(proposal).then(() => onDone(t('proposal.dismissed', { name })))}>{t('proposal.dismiss')}</button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
