import { addMessages } from '../registry';

/**
 * Más → Sincronización: what waits to be sent, what the server refused, change files.
 */
export const sync = {
  'sync.intro': 'Lo que guarda se queda en este teléfono y se envía al servidor cuando hay conexión, una sola vez.',
  'sync.pending.none': 'Todo lo guardado ya se envió.',
  'sync.pending.one': '1 cambio guardado en este teléfono, por enviar.',
  'sync.pending.many': '{count} cambios guardados en este teléfono, por enviar.',
  'sync.phase.idle': 'Al día',
  'sync.phase.pending': 'Por enviar',
  'sync.phase.syncing': 'Sincronizando…',
  'sync.phase.offline': 'Sin conexión',
  'sync.phase.error': 'No se pudo enviar',
  'sync.phase.needsLogin': 'Falta iniciar sesión',
  'sync.phase.starting': 'Revisando lo guardado…',
  'sync.lastSynced': 'Última sincronización: {when}',
  'sync.lastSynced.never': 'Este teléfono todavía no se sincronizó.',
  'sync.lastError': 'Último problema: {message}',
  'sync.now': 'Sincronizar ahora',
  'sync.now.busy': 'Sincronizando…',
  'sync.progress': 'Enviados {sent} de {total}',
  'sync.login': 'Iniciar sesión para enviar',
  'sync.attention.title': 'Requiere atención',
  'sync.attention.intro': 'El servidor no aceptó estos cambios. Siguen guardados aquí: vuelva a intentarlo o expórtelos a un archivo.',
  'sync.attention.empty': 'Ningún cambio requiere atención.',
  'sync.attention.reason': 'Motivo: {reason}',
  'sync.attention.when': 'Hecho el {when}',
  'sync.retry': 'Reintentar',
  'sync.export': 'Exportar',
  'sync.discard': 'Descartar',
  'sync.files.title': 'Sus cambios en un archivo',
  'sync.files.intro': 'Guarde en un archivo los cambios sin enviar, para pasarlos a otro equipo o enviarlos después.',
  'sync.exportPending': 'Exportar cambios sin enviar',
  'sync.importFile': 'Importar cambios de un archivo',
  'sync.imported': 'Cambios puestos en cola: {queued}. Ya estaban: {skipped}.',
  'sync.exported': 'Archivo listo: {name}',
  'sync.storageWarning': 'Tiene cambios sin enviar y el navegador podría borrarlos si falta espacio. Conéctese pronto o pida que se conserven en Más → Almacenamiento.',
  'sync.change.eventSave': 'Guardar el evento «{title}»',
  'sync.change.eventArchive': 'Archivar un evento',
  'sync.change.checklistStart': 'Empezar una lista de verificación',
  'sync.change.checklistSetItem': 'Actualizar un ítem de una lista de verificación',
  'sync.change.checklistAddItem': 'Agregar el ítem «{text}» a una lista',
  'sync.change.other': 'Un cambio ({name})',
  'sync.reload': 'Recargar',
} as const;

addMessages(sync);
