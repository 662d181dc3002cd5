import { addMessages } from '../registry';

/**
 * Words shared by the forms (dates, places, «Elija…»), loaded with the form primitives.
 */
export const forms = {
  'forms.date': 'Fecha',
  'forms.time': 'Hora',
  'forms.region': 'Región',
  'forms.province': 'Provincia',
  'forms.district': 'Distrito',
  'forms.district.whole': 'Toda la provincia',
  'forms.district.none': 'Toda la provincia (distritos aún no descargados)',
  'forms.pick': 'Elija…',
} as const;

addMessages(forms);
