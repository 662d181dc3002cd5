import type { Migration } from 'kysely';
import * as core from './001-core';
import * as places from './900-places';
import * as catalogue from './910-catalogue';
import * as workshops from './920-workshops';
import * as rejections from './930-rejections';
import * as refreshGrace from './931-refresh-grace';
import * as participantLimits from './940-participant-limits';
import * as loginAddressIndex from './941-login-address-index';
import * as reportColumns from './950-report-columns';
import * as reportEventColumns from './951-report-event-columns';
import * as attendanceDistinct from './955-attendance-distinct';
import * as certificates from './960-certificates';
import * as echo from './970-echo';
import * as attendanceProposals from './980-attendance-proposals';
import * as checklistPhotos from './990-checklist-photos';
import * as deviceSyncTimes from './991-device-sync-times';
import * as media from './992-media';
import * as mediaHolders from './993-media-holders';
import * as passwordChange from './998-password-change';
import * as mediaHolderBytes from './999-media-holder-bytes';
import * as photoEcho from './999-photo-echo';
import * as feedbackHeld from './9990-feedback-held';
import * as workshopTeam from './9991-workshop-team';

/**
 * Every migration, by name, in the order they run (Kysely sorts names as plain strings). Imported
 * statically because the server is bundled: nothing is read from disk at run time. Add one line
 * per file, last, named so it sorts after the last: its number + 1 (`9992-…`; after `9999-…`,
 * `99990-…`), never a round number that sorts earlier. test/lint/migrations.test.ts checks it.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001-core': core,
  '900-places': places,
  '910-catalogue': catalogue,
  '920-workshops': workshops,
  '930-rejections': rejections,
  '931-refresh-grace': refreshGrace,
  '940-participant-limits': participantLimits,
  '941-login-address-index': loginAddressIndex,
  '950-report-columns': reportColumns,
  '951-report-event-columns': reportEventColumns,
  '955-attendance-distinct': attendanceDistinct,
  '960-certificates': certificates,
  '970-echo': echo,
  '980-attendance-proposals': attendanceProposals,
  '990-checklist-photos': checklistPhotos,
  '991-device-sync-times': deviceSyncTimes,
  '992-media': media,
  '993-media-holders': mediaHolders,
  '998-password-change': passwordChange,
  '999-media-holder-bytes': mediaHolderBytes,
  '999-photo-echo': photoEcho,
  '9990-feedback-held': feedbackHeld,
  '9991-workshop-team': workshopTeam,
};
