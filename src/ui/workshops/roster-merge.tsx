import { useSignal } from '@preact/signals';
import { mergeAttendance, type LocalAttendance } from '../../state/attendance-model';
import { Field } from '../forms/field';
import { t } from '../../shared/i18n/workshops';

/**
 * «Unir con otro registro»: the facilitador says this record and another are one person. This
 * record stays (its fields win, the other's fill its gaps) and the other leaves the roster.
 */
export function RosterMerge({ row, roster, onDone }: { row: LocalAttendance; roster: readonly LocalAttendance[]; onDone(): void }) {
  const otherId = useSignal('');
  const id = `ws-merge-${row.id}`;
  const others = roster.filter((r) => r.id !== row.id).sort((a, b) => a.person.fullName.localeCompare(b.person.fullName, 'es'));
  const other = others.find((r) => r.id === otherId.value);
  return (
    <div class="form-controls ws-merge" role="group" aria-label={t('roster.mergeFor', { name: row.person.fullName })}>
      <Field id={id} label={t('roster.mergeWho', { name: row.person.fullName })}>
        <select id={id} value={otherId.value} onChange={(e) => (otherId.value = e.currentTarget.value)}>
          <option value="">{t('roster.mergePick')}</option>
          {others.map((r) => <option key={r.id} value={r.id}>{`${r.person.fullName} · ${r.person.entityName}`}</option>)}
        </select>
      </Field>
      {other && <p>{t('roster.mergeExplain', { kept: row.person.fullName, gone: other.person.fullName })}</p>}
      <div class="ws-actions">
        <button type="button" class="button button--secondary" onClick={onDone}>{t('roster.keep')}</button>
        <button type="button" class="button" disabled={!other} onClick={() => { if (other) void mergeAttendance(row.id, other.id).then(onDone); }}>{t('roster.mergeConfirm')}</button>
      </div>
    </div>
  );
}
