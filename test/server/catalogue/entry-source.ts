/** Markdown entries for the editor's server tests (preview, publish). */

/** A valid entry's front matter lines, without the --- fences; `title` is line 4 (index 3). */
export function makeEntryFront(id: string, title: string): string[] {
  return [
    `id: ${id}`,
    'kind: recomendacion',
    'topic: planificacion',
    `title: ${title}`,
    'summary: Resumen breve de prueba.',
    'levels: [distrital]',
    'sources:',
    '  - norm: Ley 29565',
    '    title: Ley de creación del Ministerio de Cultura',
    'reviewed: 2026-11-29',
  ];
}

/** An entry's Markdown: the front matter between fences, a blank line, the body. */
export function makeEntry(front: string[], body: string): string {
  return ['---', ...front, '---', '', body, ''].join('\n');
}
