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
  // — shell: app frame, top bar, loading, errors (owner: app shell) —
  'shell.skipLink': 'Saltar al contenido',
  'shell.homeLink': 'Tinkuy, ir al inicio',
  'shell.statusLabel': 'Estado de la conexión y del envío',
  'shell.online': 'En línea',
  'shell.offline': 'Sin conexión',
  'shell.sync.prefix': 'Envío:',
  'shell.sync.upToDate': 'Al día',
  'shell.sync.pending': '{count} por enviar',
  'shell.sync.syncing': 'Enviando…',
  'shell.sync.error': 'Revisar',
  'shell.sync.needsLogin': 'Inicia sesión',
  'shell.loading': 'Cargando…',
  'shell.loadError.title': 'No se pudo abrir esta sección',
  'shell.loadError.body':
    'Puede que falte una parte de esta versión de Tinkuy en el teléfono. Recarga la aplicación: lo que guardaste no se pierde.',
  'shell.loadError.retry': 'Recargar Tinkuy',
  'shell.notFound.title': 'No encontramos esta página',
  'shell.notFound.body': 'Esa dirección no existe en Tinkuy. Puede que el enlace esté mal escrito o sea de una versión anterior.',
  'shell.notFound.home': 'Ir al inicio',
  'shell.back': 'Volver a Más',
  'shell.placeholder.note':
    'Esta sección se está preparando y aún no tiene contenido en este teléfono. Mientras tanto, en Más puedes revisar el almacenamiento y la sincronización.',
  'shell.placeholder.catalogue':
    'Aquí estarán las guías, herramientas, recomendaciones, buenas prácticas y listas de verificación de la RED para organizar eventos culturales públicos. Se descargan una vez y se leen y buscan sin conexión.',
  'shell.placeholder.events':
    'Aquí planificarás tus eventos: fecha, lugar, público esperado, si es al aire libre, con música o en un sitio patrimonial. Tinkuy te dará la lista de verificación que corresponde para marcarla en el campo, con o sin señal.',
  'shell.placeholder.workshops':
    'Aquí verás los talleres de la RED: tema, fechas y lugar. Quien facilita registrará la asistencia y quien participa dará su opinión con el código del taller. Sin señal también: todo se guarda en el teléfono y se envía al volver la conexión.',
  // — update prompt —
  'update.available': 'Hay una nueva versión',
  'update.action': 'Actualizar',
  'update.hint': 'Tinkuy se recargará; lo que guardaste se mantiene.',
  // — home —
  'home.title': 'Te damos la bienvenida',
  'home.intro':
    'Tinkuy reúne las guías y listas de verificación de la RED para organizar eventos culturales públicos, y registra la asistencia y las opiniones de los talleres.',
  'home.offline.title': 'Funciona sin señal',
  'home.offline.read': 'Lee y busca en el catálogo aunque no tengas conexión.',
  'home.offline.plan': 'Planifica tus eventos y marca sus listas de verificación en el campo.',
  'home.offline.workshops': 'Registra la asistencia y las opiniones de los talleres.',
  'home.offline.send': 'Todo se guarda en este teléfono y se envía solo cuando vuelve la señal, una sola vez.',
  'home.pending.one': 'Tienes 1 cambio guardado en este teléfono que aún no llega al servidor.',
  'home.pending.many': 'Tienes {count} cambios guardados en este teléfono que aún no llegan al servidor.',
  'home.shortcuts.title': 'Accesos rápidos',
  'home.shortcut.catalogue': 'Consultar el catálogo',
  'home.shortcut.events': 'Planificar un evento',
  'home.shortcut.workshops': 'Ver los talleres',
  'home.shortcut.sync': 'Ver qué falta enviar',
  // — more —
  'more.title': 'Más',
  'more.storage': 'Almacenamiento',
  'more.storage.hint': 'Cuánto espacio usa Tinkuy y si el teléfono lo conserva',
  'more.sync': 'Sincronización',
  'more.sync.hint': 'Cambios por enviar y último envío',
  'more.account': 'Cuenta',
  'more.account.hint': 'Iniciar o cerrar sesión',
  'more.about': 'Acerca de',
  'more.about.hint': 'Versión de la aplicación y qué es Tinkuy',
  // — storage —
  'storage.title': 'Almacenamiento',
  'storage.intro': 'Tinkuy guarda en este teléfono el catálogo y todo lo que registras, para funcionar sin señal.',
  'storage.loading': 'Consultando el almacenamiento…',
  'storage.usage.title': 'Espacio usado',
  'storage.usage.value': '{usage} de {quota} disponibles para Tinkuy',
  'storage.usage.unknown': 'Este navegador no informa cuánto espacio usa Tinkuy.',
  'storage.persist.title': 'Conservación de los datos',
  'storage.persist.yes': 'Protegido: el navegador no borrará los datos de Tinkuy aunque falte espacio.',
  'storage.persist.no':
    'Sin proteger: si el teléfono se queda sin espacio, el navegador podría borrar los datos de Tinkuy, incluso cambios que aún no se enviaron.',
  'storage.persist.unknown': 'Este navegador no informa si conserva los datos de Tinkuy.',
  'storage.persist.action': 'Pedir que se conserven',
  'storage.persist.asking': 'Pidiendo…',
  'storage.persist.granted': 'Listo: el navegador conservará los datos de Tinkuy.',
  'storage.persist.denied':
    'El navegador no lo permitió por ahora. Suele aceptarlo cuando instalas Tinkuy en la pantalla de inicio o lo usas seguido. Vuelve a intentarlo más adelante.',
  'storage.pendingWarning':
    'Tienes cambios sin enviar y el almacenamiento no está protegido. Conéctate pronto para enviarlos o pide que se conserven.',
  'storage.unsupported':
    'Este navegador no permite consultar el almacenamiento. Tinkuy sigue funcionando; para más seguridad usa Chrome actualizado.',
  'storage.refresh': 'Volver a consultar',
  // — about —
  'about.title': 'Acerca de Tinkuy',
  'about.version': 'Versión {version}',
  'about.what':
    'Tinkuy (en quechua, «encuentro») acompaña a gestoras y gestores culturales municipales y regionales: guías para organizar eventos culturales públicos, listas de verificación para el campo y registro de los talleres.',
  'about.red':
    'Es una herramienta de la RED, la Red de Gestión Pública en Industrias Culturales y Artes, que impulsa la Dirección General de Industrias Culturales y Artes (DGIA) del Ministerio de Cultura con gobiernos regionales y municipalidades.',
  'about.offline':
    'Funciona sin conexión: lo que registras se guarda en este teléfono y llega al servidor cuando hay señal, una sola vez y sin perderse.',
  'about.privacy':
    'La asistencia a talleres es un dato personal (Ley 29733): se registra solo con consentimiento y para los fines del taller.',
} as const;

export type MessageKey = keyof typeof esPE;
