/**
 * A long checklist (#12) opens folded by section, so 300 items do not all go on screen at once:
 * the first section with something left to do is open, every heading is a button that says
 * whether its section is open, and «Abrir todas las secciones» draws them all (to search the page).
 * A list of the usual size (every real template) is not folded at all.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { buildChecklistView } from '../../../src/state/checklist-view-model';
import type { ChecklistTemplate } from '../../../src/shared/catalogue/template';
import type { ChecklistItemRow } from '../../../src/shared/schemas/checklist';
import { ChecklistBody, FOLD_ABOVE_ITEMS } from '../../../src/ui/checklists/checklist-screen';

const EVENT = { type: 'festival', expectedAudience: 100, outdoors: false, music: 'none', heritageSite: false, minors: false, startsAt: '2099-05-04T15:00:00.000Z' } as const;

function template(sections: number, perSection: number): ChecklistTemplate {
  return {
    id: `t-${sections}-${perSection}`, version: 1, title: 'Lista larga', summary: '', proposeWhen: {},
    sections: Array.from({ length: sections }, (_, s) => ({
      id: `s${s}`, title: `Sección ${s + 1}`,
      items: Array.from({ length: perSection }, (_, i) => ({ id: `i-${s}-${i}`, text: `Tarea ${s + 1}.${i + 1}`, dueDays: 3 })),
    })),
  };
}

function renderList(tpl: ChecklistTemplate, rows: ChecklistItemRow[] = []) {
  const run = { id: `run-${tpl.id}`, eventId: 'e', templateId: tpl.id, templateVersion: 1, ownerId: '', customItems: [], updatedAt: '' };
  const view = buildChecklistView(tpl, run, rows, EVENT, '2099-01-01', 'device-a');
  render(<LocationProvider><ChecklistBody eventId="e" eventTitle="Evento" view={view} /></LocationProvider>);
  return run.id;
}

// Counted by selector: role queries over 300 items take seconds in the test DOM.
const ticks = () => document.querySelectorAll('.checklist__item input[type="checkbox"]');
const sectionButton = (n: number) => screen.getByText(`Sección ${n}`, { selector: 'button' });

describe('a long checklist', { timeout: 20_000 }, () => {
  it('opens on its first section only; a heading unfolds and folds its own section', () => {
    renderList(template(10, 30));
    expect(ticks()).toHaveLength(30);
    expect(screen.getByLabelText('Tarea 1.1')).toBeTruthy();
    expect(sectionButton(1).getAttribute('aria-expanded')).toBe('true');
    expect(sectionButton(2).getAttribute('aria-expanded')).toBe('false');
    // Folded, a section still says how far along it is.
    expect(screen.getAllByText('0 de 30 · 0 %')).toHaveLength(10);
    fireEvent.click(sectionButton(2));
    expect(ticks()).toHaveLength(60);
    expect(screen.getByLabelText('Tarea 2.30')).toBeTruthy();
    fireEvent.click(sectionButton(1));
    expect(ticks()).toHaveLength(30);
    expect(screen.queryByLabelText('Tarea 1.1')).toBeNull();
  });

  it('«Abrir todas las secciones» draws all 300 items, and «Cerrar las secciones» folds them again', () => {
    renderList(template(10, 30));
    fireEvent.click(screen.getByText('Abrir todas las secciones', { selector: 'button' }));
    expect(ticks()).toHaveLength(300);
    fireEvent.click(screen.getByText('Cerrar las secciones', { selector: 'button' }));
    expect(ticks()).toHaveLength(0);
  });

  it('opens on the first section with something left to do', () => {
    const tpl = template(3, 30);
    const done = tpl.sections[0]!.items.map((item) => ({ runId: `run-${tpl.id}`, itemId: item.id, state: { done: true }, fieldHlc: { done: '001785000000000:0000:device-a' }, updatedAt: '' }));
    renderList(tpl, done);
    expect(sectionButton(1).getAttribute('aria-expanded')).toBe('false');
    expect(sectionButton(2).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByLabelText('Tarea 2.1')).toBeTruthy();
  });
});

describe('a checklist of the usual size', { timeout: 20_000 }, () => {
  it(`is not folded (up to ${FOLD_ABOVE_ITEMS} items): every item on screen, headings are headings`, () => {
    renderList(template(4, FOLD_ABOVE_ITEMS / 4));
    expect(ticks()).toHaveLength(FOLD_ABOVE_ITEMS);
    expect(screen.queryByRole('button', { name: 'Abrir todas las secciones' })).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Sección 1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sección 1' })).toBeNull();
  });
});
