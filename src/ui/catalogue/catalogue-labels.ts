import type { Entry } from '../../shared/catalogue';
import { t, tn, type MessageKey } from '../../shared/i18n/catalogue';

/**
 * Spanish names for the catalogue's codes (topics, kinds, levels, tags, callouts). The records
 * are typed by the shared unions, so a new topic or kind fails the typecheck until it has a name.
 */

const TOPIC_KEYS: Record<Entry['topic'], MessageKey> = {
  planificacion: 'catalogue.topic.planificacion',
  permisos: 'catalogue.topic.permisos',
  'derechos-autor': 'catalogue.topic.derechos-autor',
  seguridad: 'catalogue.topic.seguridad',
  salud: 'catalogue.topic.salud',
  accesibilidad: 'catalogue.topic.accesibilidad',
  presupuesto: 'catalogue.topic.presupuesto',
  artistas: 'catalogue.topic.artistas',
  comunicacion: 'catalogue.topic.comunicacion',
  'datos-personales': 'catalogue.topic.datos-personales',
  cierre: 'catalogue.topic.cierre',
};

const KIND_KEYS: Record<Entry['kind'], MessageKey> = {
  guia: 'catalogue.kind.guia',
  herramienta: 'catalogue.kind.herramienta',
  recomendacion: 'catalogue.kind.recomendacion',
  'buena-practica': 'catalogue.kind.buena-practica',
};

const LEVEL_KEYS: Record<Entry['levels'][number], MessageKey> = {
  regional: 'catalogue.level.regional',
  provincial: 'catalogue.level.provincial',
  distrital: 'catalogue.level.distrital',
};

/** The 11 topics in the RED's order. */
export const TOPICS = Object.keys(TOPIC_KEYS) as Array<Entry['topic']>;
/** The four kinds of entry. */
export const KINDS = Object.keys(KIND_KEYS) as Array<Entry['kind']>;
/** The levels of government. */
export const LEVELS = Object.keys(LEVEL_KEYS) as Array<Entry['levels'][number]>;

function labelOf(keys: Record<string, MessageKey>, code: string): string {
  const key = keys[code];
  return key ? t(key) : humanise(code);
}

/** "espacio-publico" → "Espacio publico": a readable fallback for codes without a name. */
export function humanise(code: string): string {
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The Spanish name of a topic. */
export const topicLabel = (topic: string): string => labelOf(TOPIC_KEYS, topic);
/** The Spanish name of a kind ("Buena práctica"). */
export const kindLabel = (kind: string): string => labelOf(KIND_KEYS, kind);
/** The Spanish name of a government level. */
export const levelLabel = (level: string): string => labelOf(LEVEL_KEYS, level);

/** A tag as shown: its accented name when the catalogue has one (`catalogue.tag.<slug>`), else the slug made readable. */
export function tagLabel(tag: string): string {
  const key = `catalogue.tag.${tag}` as MessageKey;
  const name = t(key);
  return name === key ? humanise(tag) : name;
}

/** "1 entrada" / "12 entradas". */
export function countLabel(count: number): string {
  return tn('catalogue.count', count);
}
