import { esPE, type MessageKey } from './es-pe';

export type { MessageKey };

/**
 * The string for `key`, with `{name}` placeholders filled from `params`.
 * Numbers are written the Peruvian way (es-PE).
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template: string = esPE[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? value.toLocaleString('es-PE') : value;
  });
}
