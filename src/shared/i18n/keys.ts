/**
 * The keys of every area, as types only: nothing here reaches a bundle, so `t('events.new')` is
 * checked by tsc everywhere while the events strings still load with the events chunk.
 */
import type { admin } from './es-pe/admin';
import type { catalogue } from './es-pe/catalogue';
import type { checklists } from './es-pe/checklists';
import type { editor } from './es-pe/editor';
import type { events } from './es-pe/events';
import type { forms } from './es-pe/forms';
import type { more } from './es-pe/more';
import type { national } from './es-pe/national';
import type { participant } from './es-pe/participant';
import type { session } from './es-pe/session';
import type { shell } from './es-pe/shell';
import type { sync } from './es-pe/sync';
import type { update } from './es-pe/update';
import type { workshops } from './es-pe/workshops';

type Catalogue = typeof admin & typeof catalogue & typeof checklists & typeof editor & typeof events & typeof forms & typeof more & typeof national
  & typeof participant & typeof session & typeof shell & typeof sync & typeof update & typeof workshops;

/** A key of the string catalogue, in any area. */
export type MessageKey = keyof Catalogue;

/** The stem of a counted string: `<stem>.one` (for 1) and `<stem>.many` are both keys. */
export type CountedKey = {
  [K in MessageKey]: K extends `${infer Stem}.one` ? (`${Stem}.many` extends MessageKey ? Stem : never) : never;
}[MessageKey];
