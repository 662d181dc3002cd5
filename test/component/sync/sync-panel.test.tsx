import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { SyncPanel, type SyncPanelProps } from '../../../src/ui/sync/sync-panel';
import { ERROR_MESSAGES } from '../../../src/shared/errors';

function renderPanel(overrides: Partial<SyncPanelProps> = {}) {
  const props: SyncPanelProps = {
    pending: 0,
    status: { phase: 'idle', lastSyncedAt: null, lastError: null },
    progress: null,
    isBusy: false,
    rejected: [],
    showStorageWarning: false,
    notice: null,
    onSyncNow: vi.fn(),
    onRetry: vi.fn(),
    onDiscard: vi.fn(),
    onExportRejected: vi.fn(),
    onExportPending: vi.fn(),
    onImport: vi.fn(),
    ...overrides,
  };
  render(<SyncPanel {...props} />);
  return props;
}

describe('the sync panel', () => {
  it('says in words how many changes wait, when it last synced and the last problem', () => {
    renderPanel({
      pending: 3,
      status: { phase: 'offline', lastSyncedAt: '29 de noviembre de 2026, 12:30', lastError: ERROR_MESSAGES.network },
    });
    expect(screen.getByText('Sin conexión')).toBeTruthy();
    expect(screen.getByText('3 cambios guardados en este teléfono, por enviar.')).toBeTruthy();
    expect(screen.getByText('Última sincronización: 29 de noviembre de 2026, 12:30')).toBeTruthy();
    expect(screen.getByText(`Último problema: ${ERROR_MESSAGES.network}`)).toBeTruthy();
  });

  it('reads “Al día” when nothing waits, and “Por enviar” while something does', () => {
    renderPanel();
    expect(screen.getByText('Al día')).toBeTruthy();
    expect(screen.getByText('Todo lo guardado ya se envió.')).toBeTruthy();
    expect(screen.getByText('Este teléfono todavía no se sincronizó.')).toBeTruthy();
  });

  it('never reads “Al día” while a refused change waits in “Requiere atención”', () => {
    renderPanel({ rejected: [{ id: 3, summary: 'Una opinión sobre el taller «Aforo»', reason: 'El taller ya cerró su registro.', madeAt: 'z', isExported: false }] });
    expect(screen.queryByText('Al día')).toBeNull();
    expect(screen.getAllByText('Requiere atención').length).toBe(2); // the state word and the section
    expect(screen.getByText('Nada por enviar, pero el servidor no aceptó 1 cambio: véalo en «Requiere atención».')).toBeTruthy();
    expect(screen.queryByText('Todo lo guardado ya se envió.')).toBeNull();
  });

  it('“Sincronizar ahora” asks for a round, and shows progress while busy', () => {
    const props = renderPanel({ pending: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Sincronizar ahora' }));
    expect(props.onSyncNow).toHaveBeenCalledTimes(1);
  });

  it('while syncing the button is disabled and the progress is written out', () => {
    renderPanel({ pending: 600, isBusy: true, status: { phase: 'syncing', lastSyncedAt: null, lastError: null }, progress: { sent: 500, total: 600 } });
    const button = screen.getByRole('button', { name: 'Sincronizando…' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText('Enviados 500 de 600')).toBeTruthy();
  });

  it('lists each rejected change with what it was and why, and offers retry and export', () => {
    const props = renderPanel({
      rejected: [{ id: 7, summary: 'Guardar el evento «Feria»', reason: ERROR_MESSAGES.not_owner, madeAt: '1 de diciembre de 2026, 09:00', isExported: false }],
    });
    expect(screen.getByRole('heading', { name: 'Requiere atención' })).toBeTruthy();
    expect(screen.getByText('Guardar el evento «Feria»')).toBeTruthy();
    expect(screen.getByText(`Motivo: ${ERROR_MESSAGES.not_owner}`)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Descartar' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reintentar' }));
    expect(props.onRetry).toHaveBeenCalledWith(7);
    fireEvent.click(screen.getByRole('button', { name: 'Exportar' }));
    expect(props.onExportRejected).toHaveBeenCalledTimes(1);
  });

  it('offers to discard a rejected change only once it was exported', () => {
    const props = renderPanel({ rejected: [{ id: 2, summary: 'x', reason: 'y', madeAt: 'z', isExported: true }] });
    fireEvent.click(screen.getByRole('button', { name: 'Descartar' }));
    expect(props.onDiscard).toHaveBeenCalledWith(2);
  });

  it('warns, as an alert, while unsent changes sit in storage the browser may delete', () => {
    renderPanel({ pending: 2, showStorageWarning: true });
    expect(screen.getByRole('alert').textContent).toContain('podría borrarlos');
  });

  it('asks for a login from the screen when the session ended', () => {
    renderPanel({ pending: 1, status: { phase: 'needs-login', lastSyncedAt: null, lastError: ERROR_MESSAGES.unauthorized } });
    expect(screen.getByText('Falta iniciar sesión')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Iniciar sesión para enviar' }).getAttribute('href')).toBe('/mas/cuenta');
  });

  it('exports pending changes and imports a chosen file', () => {
    const props = renderPanel({ pending: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Exportar cambios sin enviar' }));
    expect(props.onExportPending).toHaveBeenCalledTimes(1);
    const input = screen.getByLabelText('Importar cambios de un archivo') as HTMLInputElement;
    const file = new File(['{}'], 'cambios.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect(props.onImport).toHaveBeenCalledWith(file);
  });

  it('every action is a real button of at least one word, and errors are announced', () => {
    renderPanel({ notice: { kind: 'error', message: 'El archivo no es un archivo de cambios de Tinkuy.' } });
    expect(screen.getByRole('alert').textContent).toContain('no es un archivo de cambios');
    for (const button of screen.getAllByRole('button')) expect(button.textContent?.trim().length).toBeGreaterThan(0);
  });
});
