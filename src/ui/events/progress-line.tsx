import type { Progress } from '../../state/checklist-view-model';
import { t } from '../../shared/i18n/checklists';

/** "12 de 30 · 40 %" with a drawn bar; the words carry the meaning, the bar only repeats it. */
export function ProgressLine({ progress, label }: { progress: Progress; label?: string }) {
  const words = t('checklists.progress', { done: progress.done, total: progress.total, percent: progress.percent });
  return (
    <div class="progress">
      <span class="progress__words">{label ? `${label}: ${words}` : words}</span>
      <progress max={progress.total || 1} value={progress.done} aria-hidden="true" />
    </div>
  );
}
