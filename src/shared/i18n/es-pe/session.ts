import { addMessages } from '../registry';

/**
 * Más → Cuenta: login, who is signed in, logout.
 */
export const session = {
  'session.intro': 'Inicie sesión para enviar sus eventos y listas al servidor. Sin sesión puede leer el catálogo y trabajar sin conexión.',
  'session.email': 'Correo electrónico',
  'session.password': 'Contraseña',
  'session.showPassword': 'Mostrar contraseña',
  'session.newPassword': 'Su contraseña nueva',
  'session.newPassword.hint': 'La contraseña que le dieron es de un solo uso. Elija la suya: al menos {min} caracteres. Desde ahora entrará con ella.',
  'session.submit': 'Iniciar sesión',
  'session.submitting': 'Iniciando sesión…',
  'session.offlineHint': 'Para iniciar sesión se necesita conexión a internet.',
  'session.signedInAs': 'Sesión iniciada: {name}',
  'session.roles': 'Rol: {roles}',
  'session.role.gestor': 'gestor/a cultural',
  'session.role.facilitador': 'facilitador/a',
  'session.role.coordinador': 'coordinador/a',
  'session.expired': 'Su sesión terminó. Inicie sesión otra vez para enviar sus cambios; siguen guardados en este teléfono.',
  'session.logout': 'Cerrar sesión',
  'session.logout.busy': 'Cerrando sesión…',
  'session.logout.note': 'Al cerrar sesión se borran de este teléfono sus eventos y listas; los que ya se enviaron siguen en el servidor.',
  'session.logout.refused': 'Hay cambios sin enviar. Sincronice o expórtelos a un archivo antes de cerrar sesión.',
  'session.loggedOut': 'Cerró la sesión en este teléfono.',
  'session.error.check': 'Revise los datos.',
} as const;

addMessages(session);
