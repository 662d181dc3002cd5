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
  'forms.district.loading': 'Toda la provincia (descargando distritos…)',
  'forms.pick': 'Elija…',
  'forms.error.start': 'Indique la fecha y la hora de inicio.',
  'forms.error.end': 'Indique la fecha y la hora de término.',
} as const;

addMessages(forms);
