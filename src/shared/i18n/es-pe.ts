/**
 * Every string the interface shows, in Spanish (es-PE). Components read them through `t()`, so
 * another language is one more file like this one. Server error messages live in `../errors`.
 * Add keys by area (`nav.*`, `sync.*`, …); keep sentences short and plain.
 */
export const esPE = {
  'app.name': 'Tinkuy',
  'app.tagline': 'Eventos culturales de la RED, también sin conexión',
  'nav.label': 'Secciones',
  'nav.home': 'Inicio',
  'nav.catalogue': 'Catálogo',
  'nav.events': 'Eventos',
  'nav.workshops': 'Talleres',
  'nav.more': 'Más',
} as const;

export type MessageKey = keyof typeof esPE;
