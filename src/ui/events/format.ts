/** Dates in Lima time for the events screens (re-exported so ui reads them from one place). */
export { formatDay, formatLimaDateTime } from '../../state/checklist-export-model';
