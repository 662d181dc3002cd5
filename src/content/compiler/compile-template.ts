/** Compiles one `templates/<id>.yaml`; ids unique across templates are checked by the caller. */
import { basename } from 'node:path';
import { ChecklistTemplate } from '../../shared/catalogue/template';
import type { Fault } from './faults';
import { parseYamlWith } from './yaml-source';

/** Where an id is used, for cross-file checks. */
export interface IdUse {
  id: string;
  file: string;
  line: number;
}

/** A compiled template (when valid), its faults, its item ids and entry references with lines. */
export interface TemplateDraft {
  template: ChecklistTemplate | undefined;
  faults: Fault[];
  itemIds: IdUse[];
  entryRefs: IdUse[];
}

/** Compiles the YAML `text` of `file` (a display path ending in `<id>.yaml`). */
export function compileTemplate(file: string, text: string): TemplateDraft {
  const yaml = parseYamlWith(ChecklistTemplate, text, file);
  const template = yaml.value;
  if (!template) return { template, faults: yaml.faults, itemIds: [], entryRefs: [] };
  const faults: Fault[] = [];
  const expectedId = basename(file, '.yaml');
  if (template.id !== expectedId) {
    faults.push({ file, line: yaml.lineOf(['id']), message: `El id «${template.id}» debe ser igual al nombre del archivo («${expectedId}»).` });
  }
  const itemIds: IdUse[] = [];
  const entryRefs: IdUse[] = [];
  const sectionIds = new Set<string>();
  template.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) {
      faults.push({ file, line: yaml.lineOf(['sections', s, 'id']), message: `La sección «${section.id}» está repetida en esta plantilla.` });
    }
    sectionIds.add(section.id);
    section.items.forEach((item, i) => {
      itemIds.push({ id: item.id, file, line: yaml.lineOf(['sections', s, 'items', i, 'id']) });
      if (item.entry) entryRefs.push({ id: item.entry, file, line: yaml.lineOf(['sections', s, 'items', i, 'entry']) });
    });
  });
  return { template: faults.length > 0 ? undefined : template, faults, itemIds, entryRefs };
}
