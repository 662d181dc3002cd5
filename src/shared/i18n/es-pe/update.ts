import { addMessages } from '../registry';

/** The prompt that offers a new version: it loads after the first paint, so its words ride with it, not in the main chunk (#12). */
export const update = {
  'update.available': 'Hay una nueva versión',
  'update.action': 'Actualizar',
  'update.hint': 'Lo que guardó se mantiene.',
  'update.later': 'Más tarde',
} as const;

addMessages(update);
