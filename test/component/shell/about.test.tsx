import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import { AboutScreen } from '../../../src/ui/more/about-screen';
import { formatDateTime } from '../../../src/shared/calendar/lima-dates';

describe('Más → Acerca de', () => {
  it('shows the build id (the one /api/health reports) and when it was built, for support to ask', () => {
    render(<AboutScreen />);
    const line = screen.getByText(/^Compilación /).textContent ?? '';
    expect(line).toContain(__BUILD__.id);
    expect(line.replace(/\s/g, ' ')).toContain(formatDateTime(__BUILD__.builtAt).replace(/\s/g, ' '));
    expect(line).toMatch(/Si pide ayuda, indique este código\.$/);
    expect(line).not.toContain('..');
  });

  it('credits INEI and the MIT copy for the places, as their licence asks', () => {
    render(<AboutScreen />);
    expect(screen.getByRole('heading', { name: 'Fuentes de datos' })).toBeTruthy();
    const credit = screen.getByText(/^Regiones, provincias y distritos/).textContent ?? '';
    expect(credit).toContain('Instituto Nacional de Estadística e Informática (INEI)');
    expect(credit).toContain('licencia MIT, © 2025 MichaelSuarez0');
  });
});
