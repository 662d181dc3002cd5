import type { ChecklistTemplate } from '../../../src/shared/catalogue/template';
import type { Databases } from '../../../src/db/connection';
import { useFreshDevice } from '../../unit/sync/device-fixture';

/** A small music template: one item only for live music, one due 3 working days before. */
export const MUSIC_TEMPLATE: ChecklistTemplate = {
  id: 'musica-y-derechos',
  version: 1,
  title: 'Música y derechos de autor',
  summary: 'Licencias y permisos para la música del evento.',
  proposeWhen: { music: ['recorded', 'live'] },
  sections: [
    {
      id: 'licencias',
      title: 'Licencias',
      items: [
        { id: 'md-licencia', text: 'Solicitar la licencia de comunicación pública', dueDays: 3 },
        { id: 'md-repertorio', text: 'Pedir el repertorio a los músicos', dueDays: 5, appliesWhen: { music: ['live'] } },
      ],
    },
    { id: 'dia', title: 'El día del evento', items: [{ id: 'md-registro', text: 'Anotar las obras tocadas', dueDays: -1 }] },
  ],
};

/** A template for large audiences, so proposals can be told apart. */
export const SAFETY_TEMPLATE: ChecklistTemplate = {
  id: 'seguridad-aforo',
  version: 2,
  title: 'Seguridad y aforo',
  summary: 'Aforo, rutas de evacuación e inspección.',
  proposeWhen: { minAudience: 1000 },
  sections: [{ id: 'aforo', title: 'Aforo', items: [{ id: 'sa-aforo', text: 'Calcular el aforo', dueDays: 10 }] }],
};

/** Puts templates in the device's catalogue, as a pull would. */
export async function seedTemplates(dbs: Databases, templates: ChecklistTemplate[] = [MUSIC_TEMPLATE, SAFETY_TEMPLATE]): Promise<void> {
  await dbs.catalogue.checklistTemplates.bulkPut(templates.map((t) => ({ ...t })));
}

/** Each test gets a fresh device holding `templates` (and a no-op `scrollTo`, absent in jsdom). */
export function useDeviceWithTemplates(options: { templates?: ChecklistTemplate[]; now?: () => number; onDevice?: (dbs: Databases) => void } = {}): void {
  useFreshDevice({
    ...(options.now ? { now: options.now } : {}),
    onDevice: async (dbs) => {
      options.onDevice?.(dbs);
      window.scrollTo = () => undefined;
      await seedTemplates(dbs, options.templates);
    },
  });
}
