import { addMessages } from '../registry';

/**
 * The coordinación's catalogue editor (Más → Editar catálogo).
 */
export const editor = {
  'editor.onlyCoordinador': 'Solo la coordinación de la RED puede editar el catálogo. Inicie sesión con una cuenta de coordinación.',
  'editor.offline': 'Sin conexión: el editor necesita internet para revisar y publicar. Lo que escribió se guarda en esta pestaña.',
  'editor.loading': 'Cargando…',
  'editor.new': 'Nueva entrada',
  'editor.listHint': '{id} · versión {version}',
  'editor.back': 'Volver a la lista',
  'editor.source': 'Texto de la entrada (Markdown)',
  'editor.sourceHint': 'Los datos de la entrada (id, tipo, tema, título, resumen, fuentes…) van arriba, entre dos líneas de tres guiones.',
  'editor.restored': 'Borrador sin publicar recuperado.',
  'editor.discard': 'Descartar borrador',
  'editor.fault': 'Línea {line}: {message}',
  'editor.valid': 'Sin errores: lista para publicar.',
  'editor.preview': 'Vista previa',
  'editor.publish': 'Publicar',
  'editor.confirm': '¿Publicar esta versión? Todos los teléfonos la recibirán en su próxima sincronización.',
  'editor.confirmYes': 'Sí, publicar',
  'editor.cancel': 'Cancelar',
  'editor.publishing': 'Publicando…',
  'editor.published': 'Publicada: versión {version}.',
  'editor.history': 'Versiones publicadas',
  'editor.version': 'Versión {version} · {when} · {who}',
  'editor.view': 'Ver versión {version}',
  'editor.viewing': 'Texto de la versión {version} (solo lectura)',
  'editor.close': 'Cerrar',
  'editor.faults.one': '1 error que corregir antes de publicar',
  'editor.faults.many': '{count} errores que corregir antes de publicar',
  'editor.newEntry.firstStep': 'Primer paso',
} as const;

addMessages(editor);
