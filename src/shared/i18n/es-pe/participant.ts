import { addMessages } from '../registry';

/**
 * The participant's pages (/t/<CÓDIGO>) and the anonymous feedback form.
 */
export const participant = {
  'feedback.title': 'Su opinión sobre el taller',
  'feedback.anonymous': 'Es anónima: no guardamos su nombre, su cuenta ni su teléfono con sus respuestas.',
  'feedback.dim.contenido': 'Contenido',
  'feedback.dim.facilitacion': 'Facilitación',
  'feedback.dim.utilidad': 'Utilidad para mi trabajo',
  'feedback.dim.organizacion': 'Organización',
  'feedback.low': 'muy malo',
  'feedback.high': 'excelente',
  'feedback.recommend': '¿Recomendaría este taller a un colega? (0 a 10)',
  'feedback.recommendLow': 'nada probable',
  'feedback.recommendHigh': 'muy probable',
  'feedback.comment': 'Comentarios (opcional)',
  'feedback.topics': 'Temas para próximos talleres (opcional)',
  'feedback.topicsHint': 'Separe los temas con comas.',
  'feedback.send': 'Enviar mi opinión',
  'feedback.incomplete': 'Responda las cuatro notas y la recomendación antes de enviar.',
  'participant.intro': 'Elija qué desea hacer. Funciona sin conexión: lo que guarde se enviará cuando su teléfono se conecte.',
  'participant.nav': 'Acciones del participante',
  'participant.checkIn': 'Registrar mi asistencia',
  'participant.checkInSave': 'Registrar mi asistencia',
  'participant.giveFeedback': 'Dar mi opinión',
  'participant.checkedIn': 'Gracias, {name}: su asistencia quedó guardada en este teléfono.',
  'participant.toFeedback': 'Dar mi opinión',
  'participant.feedbackSent': 'Gracias: ya envió su opinión sobre este taller desde este teléfono.',
  'participant.waiting': 'Esperando conexión para enviar.',
  'participant.sent': 'Enviado al servidor.',
  'participant.closedNow': 'El taller cerró su registro el {when}. Ya no se puede registrar la asistencia ni enviar opiniones.',
  'participant.notYetNow': 'El registro de este taller abre el {when}. Vuelva a abrir este enlace desde entonces.',
  'participant.refused.checkIn': 'Su asistencia no fue registrada.',
  'participant.refused.feedback': 'Su opinión no fue aceptada.',
  'participant.notFoundTitle': 'Taller {code}',
  'participant.notFound': 'Este taller aún no está en este teléfono. Abra el enlace una vez con conexión a internet; luego funcionará sin conexión. Revise también que el código esté bien escrito.',
} as const;

addMessages(participant);
