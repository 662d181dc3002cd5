/** Compiles one `templates/<id>.yaml`; ids unique across templates are checked by the caller. */
import { basename } from 'node:path';
import { ChecklistTemplateSource, type ChecklistTemplate, type TemplateItem } from '../../shared/catalogue/template';
import { checkDueOrder, checkNoYearlyAmounts } from './content-rules';
import type { Fault } from './faults';
import { dateItem } from './template-valores';
import type { ValorTable } from './valores-source';
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

/** What a template needs beyond its text: the yearly values it may cite and the build's year. */
export interface TemplateOptions {
  valores?: ValorTable;
  year?: number;
}

/** Compiles the YAML `text` of `file` (a display path ending in `<id>.yaml`). */
export function compileTemplate(file: string, text: string, options: TemplateOptions = {}): TemplateDraft {
  const yaml = parseYamlWith(ChecklistTemplateSource, text, file);
  const source = yaml.value;
  if (!source) return { template: undefined, faults: yaml.faults, itemIds: [], entryRefs: [] };
  const faults: Fault[] = [];
  const expectedId = basename(file, '.yaml');
  if (source.id !== expectedId) {
    faults.push({ file, line: yaml.lineOf(['id']), message: `El id «${source.id}» debe ser igual al nombre del archivo («${expectedId}»).` });
  }
  const itemIds: IdUse[] = [];
  const entryRefs: IdUse[] = [];
  const sectionIds = new Set<string>();
  const valores = { table: options.valores ?? new Map(), year: options.year ?? new Date().getFullYear() };
  const sections = source.sections.map((section, s) => {
    if (sectionIds.has(section.id)) {
      faults.push({ file, line: yaml.lineOf(['sections', s, 'id']), message: `La sección «${section.id}» está repetida en esta plantilla.` });
    }
    sectionIds.add(section.id);
    const items = section.items.map((item, i): TemplateItem => {
      const at = (field: string) => yaml.lineOf(['sections', s, 'items', i, field]);
      itemIds.push({ id: item.id, file, line: at('id') });
      if (item.entry) entryRefs.push({ id: item.entry, file, line: at('entry') });
      const prose = [{ text: item.text, line: at('text') }, ...(item.hint ? [{ text: item.hint, line: at('hint') }] : [])];
      faults.push(...checkNoYearlyAmounts(file, prose, valores.table));
      return dateItem(item, valores, (field, message) => faults.push({ file, line: at(field), message }));
    });
    const due = section.items.map((item, i) => ({ id: item.id, dueDays: item.dueDays, line: yaml.lineOf(['sections', s, 'items', i, 'id']) }));
    faults.push(...checkDueOrder(file, section.id, due));
    return { ...section, items };
  });
  const template: ChecklistTemplate = { ...source, sections };
  return { template: faults.length > 0 ? undefined : template, faults, itemIds, entryRefs };
}
