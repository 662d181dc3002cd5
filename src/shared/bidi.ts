/**
 * Bidirectional control characters: U+202A–U+202E (embeddings and overrides), U+2066–U+2069
 * (isolates), U+200E/U+200F (left-to-right and right-to-left marks) and U+061C (Arabic letter
 * mark). Spanish and Quechua text never needs them, and a name holding a right-to-left override
 * shows backwards on a roster, a CSV or a constancia (display spoofing: «‮odraciR» reads as
 * «Ricardo»). The shared schemas strip them from every typed text as a transform, so the device
 * stores and the server receives the same cleaned value.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** The text without bidirectional control characters. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
