import * as v from 'valibot';
import { Entry } from './entry';
import { ChecklistTemplate } from './template';

/** The compiled catalogue (`catalogue.json`): `version` is a hash of all its content. */
export const Catalogue = v.strictObject({
  version: v.string(),
  entries: v.array(Entry),
  templates: v.array(ChecklistTemplate),
});
export type Catalogue = v.InferOutput<typeof Catalogue>;
