/**
 * Error codes shared by server and device, each with the Spanish sentence a manager reads.
 * The server answers `{error: {code, message}}`; a rejected mutation carries `{seq, code,
 * message}`. The device shows `message`, or looks the code up here when it made the error itself.
 */
export const ERROR_MESSAGES = {
  bad_request: 'La solicitud no es válida.',
  validation_failed: 'Los datos enviados no son válidos.',
  not_found: 'No encontramos lo que busca.',
  unauthorized: 'Su sesión terminó. Inicie sesión otra vez para enviar sus cambios.',
  invalid_credentials: 'El correo o la contraseña no son correctos.',
  password_change_required: 'Esta contraseña es de un solo uso. Elija ahora su propia contraseña para entrar.',
  account_disabled: 'Esta cuenta está desactivada. Consulte con la coordinación de la RED.',
  forbidden: 'Su cuenta no tiene permiso para esta acción.',
  payload_too_large: 'El envío es demasiado grande. Se enviará en partes más pequeñas.',
  unsupported_media_type: 'El formato del envío no es compatible (se espera JSON).',
  upgrade_required: 'Hay cambios hechos con una versión más nueva de Tinkuy. Actualice la aplicación para enviarlos.',
  request_timeout: 'El envío tardó demasiado en llegar y se cortó. Se volverá a intentar.',
  rate_limited: 'Demasiados intentos. Espere unos minutos y vuelva a intentar.',
  unknown_mutation: 'Este tipo de cambio no existe en el servidor.',
  not_owner: 'Este registro pertenece a otra persona; no se puede modificar desde su cuenta.',
  missing_record: 'El registro al que se refiere este cambio no existe en el servidor.',
  conflict: 'El registro ya existe con otros datos.',
  not_storable: 'El servidor no pudo guardar este cambio y lo rechazó; los demás cambios sí se guardaron. Revise los datos y vuelva a intentarlo; si se repite, consulte con la coordinación de la RED.',
  held_back: 'El servidor falló varias veces al recibir este cambio. Se apartó para que sus otros cambios sigan enviándose; puede reintentarlo o exportarlo.',
  internal: 'Ocurrió un error en el servidor. Sus datos siguen guardados en este teléfono; se volverá a intentar.',
  unavailable: 'El servidor no está disponible por ahora. Se volverá a intentar.',
  network: 'Sin conexión con el servidor. Sus cambios siguen guardados en este teléfono.',
  quota_exceeded: 'El almacenamiento del teléfono está lleno. Libere espacio; no se guardó el último cambio.',
  storage_unavailable: 'Este navegador no permite guardar datos (¿modo privado?). Abra Tinkuy en una ventana normal.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The server's precise reasons, where a code's general sentence would not say enough. */
export const REFUSALS = {
  bodyNotJson: 'El cuerpo del envío no es JSON válido.',
  valueNotStorable: 'El envío contiene un valor que el servidor no puede guardar.',
  phoneOfOtherAccount: 'Este teléfono está registrado con otra cuenta. Cierre sesión y vuelva a entrar para enviar sus cambios.',
  phoneOfAnAccount: 'Este teléfono está registrado con una cuenta. Inicie sesión para enviar sus cambios.',
  unknownVersion: 'El servidor aún no conoce la versión de algunos cambios. Se enviarán cuando el servidor se actualice.',
  sessionIdInvalid: 'Identificador de sesión no válido.',
  sessionNotFound: 'No encontramos esa sesión entre las suyas.',
  catalogueCoordinatorOnly: 'Solo la coordinación de la RED puede editar y publicar el catálogo.',
  entryVersionInvalid: 'Versión no válida.',
  entryNotFound: 'No existe una entrada publicada con ese identificador.',
  entryVersionNotFound: 'Esa versión de la entrada no existe.',
  entryHasFaults: 'La entrada tiene errores; corríjalos antes de publicar.',
  entryGone: 'Esta entrada ya no existe en el servidor; vuelva a abrir la lista.',
  entryIdTaken: 'Ya existe una entrada con ese identificador; elija otro o ábrala para editarla.',
  entryChangedMeanwhile: 'Otra persona publicó esta entrada mientras usted la editaba. Su borrador sigue aquí: ábrala de nuevo para ver la versión actual.',
  erasureCoordinatorOnly: 'Solo la coordinación puede suprimir datos personales.',
  erasuresCoordinatorOnly: 'Solo la coordinación ve el registro de supresiones.',
  workshopNotFound: 'No encontramos ese taller.',
  exportsOwnerOnly: 'Solo quien dirige el taller o la coordinación ve sus exportaciones.',
  facilitatorsStaffOnly: 'Solo facilitadores y coordinación ven la lista de facilitadores.',
  tooManyLogins: 'El servidor está atendiendo muchos inicios de sesión a la vez. Espere unos segundos y vuelva a intentar.',
  codeMatchesNoWorkshop: 'El código no corresponde a ningún taller del programa. Revise el código que le dio el facilitador o la facilitadora.',
  reportCoordinatorOnly: 'Solo la coordinación de la RED ve el panorama nacional.',
  certificateNotFound: 'No existe una constancia con ese código. Revise que lo haya escrito tal como figura en la constancia.',
  certificateNotAttendee: 'La persona no figura en la asistencia de este taller (su registro fue retirado o es de otro taller); no se emitió la constancia.',
  certificateWorkshopGone: 'El taller no existe o fue retirado del programa; no se emitió la constancia.',
  certificateIdTaken: 'Esta constancia ya fue emitida con otros datos; no se cambió.',
  certificateCodeTaken: 'El código de esta constancia ya lo usa otra constancia. Vuelva a emitirla: el teléfono sorteará un código nuevo.',
  certificateGone: 'Esta constancia no existe en el servidor; no se pudo anular.',
  adminCoordinatorOnly: 'Solo la coordinación de la RED administra las cuentas y los datos personales.',
  accountNotFound: 'No encontramos esa cuenta. Vuelva a abrir la lista de cuentas.',
  accountEmailTaken: 'Ya existe una cuenta con ese correo. Búsquela en la lista: puede activarla o darle una contraseña nueva.',
  accountCannotDisableSelf: 'No puede desactivar su propia cuenta. Pida a otra persona de la coordinación que lo haga.',
  accountLastCoordinador: 'Es la última cuenta activa de la coordinación: si se desactiva, nadie podría administrar las cuentas. Active antes otra cuenta de coordinación.',
  newPasswordSameAsOld: 'La contraseña nueva debe ser distinta de la de un solo uso.',
  sessionNotFoundAdmin: 'Esa sesión ya estaba cerrada o no existe. Vuelva a abrir la lista de cuentas.',
  mediaBadName: 'La dirección de la foto no es válida: debe terminar en su huella SHA-256 (64 caracteres hexadecimales en minúscula).',
  mediaNotImage: 'El archivo no es una foto JPEG ni WebP. Tinkuy guarda las fotos solo en esos formatos.',
  mediaTooLarge: 'La foto pesa más de 1 MiB. Vuelva a adjuntarla desde Tinkuy, que la reduce antes de enviarla.',
  mediaHashMismatch: 'La foto llegó distinta de como salió del teléfono (su huella SHA-256 no coincide): llegó dañada o incompleta. Se volverá a enviar.',
  mediaHasLocation: 'La foto todavía lleva datos de ubicación (GPS) y no se guardó. Vuelva a adjuntarla desde Tinkuy, que quita esos datos.',
  mediaMetadataUnreadable: 'No se pudo comprobar que la foto no lleve datos de ubicación (sus datos internos están dañados) y no se guardó. Vuelva a adjuntarla desde Tinkuy.',
  mediaNotAttached: 'Esta foto no está adjunta a ninguna lista de verificación suya en el servidor (aún no llegó el cambio que la adjunta, o la foto fue quitada).',
  bodyTooSlow: 'El envío llegó demasiado lento y se cortó (la conexión no alcanza el mínimo). Se volverá a intentar cuando la señal mejore.',
  mediaNotFound: 'No encontramos esa foto entre las que usted puede ver.',
  mediaNotArrived: 'Esta foto todavía no llegó al servidor: el teléfono que la tomó la enviará cuando tenga conexión.',
} as const;

/** A push without a session carrying more than `max` mutations (the device then sends smaller ones). */
export function describeParticipantBatchTooLarge(max: number): string {
  return `Sin una sesión iniciada, cada envío puede llevar como máximo ${max} cambios. Se enviará en partes más pequeñas.`;
}

/** A self check-in when the workshop already holds as many people as its capacity. */
export function describeWorkshopFull(capacity: number): string {
  return `El taller ya está completo: alcanzó su capacidad de ${capacity.toLocaleString('es-PE')} ${capacity === 1 ? 'persona' : 'personas'}. Pida al facilitador o a la facilitadora que registre su asistencia.`;
}

/** An opinion without an account when the workshop already received one per place. */
export function describeFeedbackFull(capacity: number): string {
  return `El taller ya recibió todas las opiniones que admite (una por cada una de sus ${capacity.toLocaleString('es-PE')} ${capacity === 1 ? 'vacante' : 'vacantes'}); no se guardó esta.`;
}

/** A person already holding a valid constancia of the workshop (issued from another phone, say). */
export function describeCertificateAlreadyIssued(code: string): string {
  return `Esta persona ya tiene una constancia vigente de este taller (código ${code}); no se emitió otra.`;
}

/** Too many verifications from one connection. */
export function describeTooManyVerifications(seconds: number): string {
  const wait = seconds === 1 ? '1 segundo' : `${seconds.toLocaleString('es-PE')} segundos`;
  return `Demasiadas consultas de constancias desde esta conexión. Espere ${wait} y vuelva a intentar.`;
}

/** Too many failed logins: how long to wait, in seconds under a minute, else in minutes. */
export function describeLoginWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds} ${seconds === 1 ? 'segundo' : 'segundos'}` : `${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}`;
  return `Demasiados intentos fallidos. Espere ${wait} y vuelva a intentar.`;
}

/** Too many pushes from one connection (participants' door): when they will be sent. */
export function describeTooManyPushes(seconds: number): string {
  const wait = seconds === 1 ? '1 segundo' : `${seconds.toLocaleString('es-PE')} segundos`;
  return `Demasiados envíos desde esta conexión. Sus datos siguen guardados en el teléfono; se enviarán en ${wait}.`;
}

/** A 413 when an account's photos on the server reached its quota. */
export function describeMediaQuotaFull(usedMb: number, quotaMb: number): string {
  return `Sus fotos ya ocupan ${usedMb.toLocaleString('es-PE')} MB de los ${quotaMb.toLocaleString('es-PE')} MB que el servidor guarda por cuenta, y esta foto no se guardó. Sigue en el teléfono: quite fotos que ya no necesite o pida más espacio a la coordinación de la RED, y vuelva a intentarlo.`;
}

/** A 429 when an account sends photos faster than the server takes them. */
export function describeTooManyPhotos(seconds: number): string {
  const wait = seconds === 1 ? '1 segundo' : `${seconds.toLocaleString('es-PE')} segundos`;
  return `Se enviaron muchas fotos en poco tiempo. Siguen guardadas en el teléfono; se enviarán en ${wait}.`;
}

/** Failures the device words itself (no server answer behind them). */
export const DEVICE_MESSAGES = {
  unexpected: 'Ocurrió un error inesperado en este teléfono. Sus datos siguen guardados; se volverá a intentar.',
  notChangesFile: 'El archivo no es un archivo de cambios de Tinkuy.',
  exportBeforeDiscard: 'Exporte este cambio a un archivo antes de descartarlo.',
} as const;

/** Spanish words for valibot's own messages (the server's validation details). */
export const VALIDATION_WORDS = {
  types: {
    string: 'texto', number: 'número', boolean: 'verdadero o falso', object: 'objeto', array: 'lista', never: 'ningún valor (campo no permitido)',
  } as Record<string, string>,
  notAllowed: 'campo no permitido.',
  missing: 'falta este dato.',
  expected: (what: string) => `se esperaba ${what}.`,
  invalid: 'valor no válido.',
} as const;

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: string[] };
}

/** Builds an error body with the standard Spanish message, or a more precise one. */
export function errorBody(code: ErrorCode, message: string = ERROR_MESSAGES[code], details?: string[]): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}
