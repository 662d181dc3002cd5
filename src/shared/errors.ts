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
  account_disabled: 'Esta cuenta está desactivada. Consulte con la coordinación de la RED.',
  forbidden: 'Su cuenta no tiene permiso para esta acción.',
  payload_too_large: 'El envío es demasiado grande. Se enviará en partes más pequeñas.',
  unsupported_media_type: 'El formato del envío no es compatible (se espera JSON).',
  upgrade_required: 'Hay cambios hechos con una versión más nueva de Tinkuy. Actualice la aplicación para enviarlos.',
  rate_limited: 'Demasiados intentos. Espere unos minutos y vuelva a intentar.',
  unknown_mutation: 'Este tipo de cambio no existe en el servidor.',
  not_owner: 'Este registro pertenece a otra persona; no se puede modificar desde su cuenta.',
  missing_record: 'El registro al que se refiere este cambio no existe en el servidor.',
  conflict: 'El registro ya existe con otros datos.',
  not_storable: 'El servidor no pudo guardar este cambio y lo rechazó; los demás cambios sí se guardaron. Revise los datos y vuelva a intentarlo; si se repite, consulte con la coordinación de la RED.',
  held_back: 'El servidor falló varias veces al recibir este cambio. Se apartó para que sus otros cambios sigan enviándose; puede reintentarlo o exportarlo.',
  internal: 'Ocurrió un error en el servidor. Sus datos siguen guardados en este dispositivo; se volverá a intentar.',
  unavailable: 'El servidor no está disponible por ahora. Se volverá a intentar.',
  network: 'Sin conexión con el servidor. Sus cambios siguen guardados en este dispositivo.',
  quota_exceeded: 'El almacenamiento del teléfono está lleno. Libere espacio; no se guardó el último cambio.',
  storage_unavailable: 'Este navegador no permite guardar datos (¿modo privado?). Abra Tinkuy en una ventana normal.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: string[] };
}

/** Builds an error body with the standard Spanish message, or a more precise one. */
export function errorBody(code: ErrorCode, message: string = ERROR_MESSAGES[code], details?: string[]): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}
