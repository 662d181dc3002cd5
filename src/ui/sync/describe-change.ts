import type { MutationName } from '../../shared/mutations';
import type { ChangeNames } from '../../state/change-names-model';
import { t } from '../../shared/i18n/sync';

type Args = Record<string, unknown>;
type Words = (args: Args, names: ChangeNames) => string;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);
const id = (value: unknown): string => (typeof value === 'string' ? value : '');
/** A title in «», or undefined when unknown (the caller then says it without one). */
const titled = (value: string | undefined) => (value ? { title: value } : undefined);

function workshopOf(args: Args, names: ChangeNames): { title: string } | undefined {
  return titled(names.workshop(id(args['workshopId']))) ?? (text(args['workshopCode']) ? { title: String(args['workshopCode']) } : undefined);
}

/**
 * Every change the app sends, in words a manager recognises (never a mutation's technical name).
 * Total over the contract: a new mutation fails `tsc` until it is worded here.
 */
const WORDS: { [N in MutationName]: Words } = {
  'event.save': (args) => t('sync.change.eventSave', { title: text(args['title']) ?? '' }),
  'event.archive': (args, names) => {
    const known = titled(names.event(id(args['id'])));
    return known ? t('sync.change.eventArchive', known) : t('sync.change.eventArchive.unnamed');
  },
  'checklist.start': (args, names) => {
    const known = titled(names.event(id(args['eventId'])));
    return known ? t('sync.change.checklistStart', known) : t('sync.change.checklistStart.unnamed');
  },
  'checklist.setItem': (args, names) => {
    const known = titled(names.eventOfRun(id(args['runId'])));
    return known ? t('sync.change.checklistSetItem', known) : t('sync.change.checklistSetItem.unnamed');
  },
  'checklist.addItem': (args) => t('sync.change.checklistAddItem', { text: text(args['text']) ?? '' }),
  'checklist.attachPhoto': (args, names) => {
    const known = titled(names.eventOfRun(id(args['runId'])));
    return known ? t('sync.change.checklistAttachPhoto', known) : t('sync.change.checklistAttachPhoto.unnamed');
  },
  'checklist.removePhoto': () => t('sync.change.checklistRemovePhoto'),
  'workshop.save': (args) => t('sync.change.workshopSave', { title: text(args['title']) ?? '' }),
  'attendance.register': (args, names) => {
    const name = text((args['person'] as Args | undefined)?.['fullName']) ?? '';
    const known = workshopOf(args, names);
    return known ? t('sync.change.attendanceRegister', { name, ...known }) : t('sync.change.attendanceRegister.unnamed', { name });
  },
  'attendance.update': () => t('sync.change.attendanceUpdate'),
  'attendance.merge': () => t('sync.change.attendanceMerge'),
  'attendance.remove': () => t('sync.change.attendanceRemove'),
  'attendance.export': () => t('sync.change.attendanceExport'),
  'attendance.closeProposal': (args) => t(args['outcome'] === 'accepted' ? 'sync.change.proposalAccepted' : 'sync.change.proposalDismissed'),
  'feedback.submit': (args, names) => {
    const known = workshopOf(args, names);
    return known ? t('sync.change.feedbackSubmit', known) : t('sync.change.feedbackSubmit.unnamed');
  },
  'certificate.issue': (args, names) => {
    const known = workshopOf(args, names);
    const code = text(args['code']) ?? '';
    return known ? t('sync.change.certificateIssue', { code, ...known }) : t('sync.change.certificateIssue.unnamed', { code });
  },
  'certificate.revoke': () => t('sync.change.certificateRevoke'),
};

const NO_NAMES: ChangeNames = { event: () => undefined, eventOfRun: () => undefined, workshop: () => undefined };

/** What a queued or rejected change was, in words; `names` gives the titles this device holds. */
export function describeChange(change: { name: string; args: unknown }, names: ChangeNames = NO_NAMES): string {
  const words = (WORDS as Record<string, Words | undefined>)[change.name];
  const args = change.args && typeof change.args === 'object' ? (change.args as Args) : {};
  // A change this build does not know (written by a newer one): say so, never its technical name.
  return words ? words(args, names) : t('sync.change.other');
}
