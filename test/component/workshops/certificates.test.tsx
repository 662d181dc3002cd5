/**
 * Constancias on the facilitador's phone, offline: issued to everyone present at once or to one
 * person from the attendance screen (codes drawn here), and one constancia ready to print with
 * its QR to /v/<código>, revocable after a confirmation — all only for who leads the workshop.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { registerAttendance } from '../../../src/state/attendance-model';
import { AttendanceScreen } from '../../../src/ui/workshops/attendance-screen';
import { CertificateSheet } from '../../../src/ui/workshops/certificate-sheet';
import { CERTIFICATE_CODE_PATTERN, type CertificateIssueArgs } from '../../../src/shared/schemas/certificate';
import { facilitateOnly, leadWorkshop, makePerson, useSeededWorkshop } from './workshop-fixture';

const seeded = useSeededWorkshop(({ dbs, workshopId }) => leadWorkshop(dbs, workshopId));

let nextDni = 40_000_000;
async function register(fullName: string): Promise<string> {
  await registerAttendance({ workshopId: seeded.workshop.id, person: makePerson({ fullName, documentType: 'dni', documentNumber: String(++nextDni) }), consentGiven: true });
  return (await seeded.dbs.user.attendance.toArray()).find((row) => row.person.fullName === fullName)!.id;
}

async function queuedIssues(): Promise<CertificateIssueArgs[]> {
  return (await seeded.dbs.user.outbox.toArray()).filter((m) => m.name === 'certificate.issue').map((m) => m.args as CertificateIssueArgs);
}

describe('Constancias de participación', { timeout: 20_000 }, () => {
  it('one person, then everyone else present at once: each gets one constancia with a code drawn on the phone', async () => {
    const ana = await register('Ana Ccori Tito');
    await register('Luis Mamani');
    await register('Rosa Quispe');
    render(<LocationProvider><AttendanceScreen workshopId={seeded.workshop.id} /></LocationProvider>);
    fireEvent.click(await screen.findByRole('button', { name: 'Emitir constancia a Ana Ccori Tito' }));
    // Who leads the workshop keeps the form and the roster's corrections.
    expect(screen.getByLabelText('Nombre completo')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Corregir a Ana Ccori Tito' })).toBeTruthy();
    const [first] = await waitFor(async () => {
      const issued = await queuedIssues();
      expect(issued).toHaveLength(1);
      return issued;
    });
    expect(first).toMatchObject({ attendanceId: ana, workshopId: seeded.workshop.id });
    expect(first!.code).toMatch(CERTIFICATE_CODE_PATTERN);
    const link = await screen.findByRole('link', { name: `Ver la constancia ${first!.code} de Ana Ccori Tito` });
    expect(link.getAttribute('href')).toBe(`/talleres/${seeded.workshop.id}/constancia/${first!.id}`);
    expect(document.querySelector('.ws-certificates')!.textContent).toContain('Constancias emitidas: 1 de 3 personas registradas.');

    fireEvent.click(screen.getByRole('button', { name: 'Emitir constancia a todas las personas presentes (2)' }));
    expect(await screen.findByText(/Se emitieron 2 constancias en este teléfono/)).toBeTruthy();
    const issued = await queuedIssues();
    expect(issued).toHaveLength(3);
    expect(new Set(issued.map((a) => a.attendanceId)).size).toBe(3);
    expect(new Set(issued.map((a) => a.code)).size).toBe(3);
    expect(await screen.findByText('Constancias emitidas: 3 de 3 personas registradas.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Emitir constancia a todas/ })).toBeNull();
  });

  it('the constancia shows the name, workshop, hours, RED and DGIA, facilitators and a QR to /v/<código>; it can be revoked', async () => {
    const ana = await register('Ana Ccori Tito');
    const { issueCertificates } = await import('../../../src/state/certificate-model');
    await issueCertificates(seeded.workshop.id, [ana]);
    const [args] = await queuedIssues();
    render(<LocationProvider><CertificateSheet workshopId={seeded.workshop.id} certificateId={args!.id} /></LocationProvider>);
    const sheet = await screen.findByRole('article', { name: 'Constancia de participación' });
    for (const part of ['Ana Ccori Tito', seeded.workshop.title, 'Dirección General de Industrias Culturales y Artes (DGIA)', 'Red de Gestión Pública en Industrias Culturales y Artes (RED)', seeded.workshop.facilitators[0]!, `${location.origin}/v/${args!.code}`]) {
      expect(sheet.textContent).toContain(part);
    }
    expect(sheet.textContent).not.toContain(String(nextDni));
    await screen.findByRole('img', { name: `Código QR para verificar la constancia ${args!.code}` });
    expect(screen.getByRole('button', { name: 'Imprimir o guardar como PDF' })).toBeTruthy();

    fireEvent.click(await screen.findByRole('button', { name: 'Anular esta constancia' }));
    fireEvent.click(screen.getByRole('button', { name: 'Anular esta constancia' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Esta constancia fue anulada');
    const revokes = (await seeded.dbs.user.outbox.toArray()).filter((m) => m.name === 'certificate.revoke');
    expect(revokes.map((m) => m.args)).toEqual([{ id: args!.id }]);
  });

  it('a facilitador who does not lead the workshop sees the roster and its constancias but is offered no registration, correction, merge, removal, issuing nor «Anular» (the server refuses them)', async () => {
    const ana = await register('Ana Ccori Tito');
    await register('Luis Mamani');
    const { issueCertificates } = await import('../../../src/state/certificate-model');
    await issueCertificates(seeded.workshop.id, [ana]);
    const [args] = await queuedIssues();
    await facilitateOnly(seeded.dbs);
    const view = render(<LocationProvider><AttendanceScreen workshopId={seeded.workshop.id} /></LocationProvider>);
    await screen.findByRole('link', { name: `Ver la constancia ${args!.code} de Ana Ccori Tito` });
    expect(await screen.findByText('Constancias emitidas: 1 de 2 personas registradas.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Emitir constancia a Luis Mamani' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Emitir constancia a todas/ })).toBeNull();
    // Reached by its address: no form, no corrections, merges or removals — and it says why.
    await screen.findByText(/Este taller lo dirige otra persona: solo quien lo dirige o coordinación registran/);
    expect(screen.queryByLabelText('Nombre completo')).toBeNull();
    expect(screen.queryByText(/cada registro queda guardado en este teléfono/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Corregir a Ana Ccori Tito' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Quitar a Ana Ccori Tito' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Unir a Ana Ccori Tito con otro registro' })).toBeNull();
    view.unmount();

    render(<LocationProvider><CertificateSheet workshopId={seeded.workshop.id} certificateId={args!.id} /></LocationProvider>);
    await screen.findByRole('img', { name: `Código QR para verificar la constancia ${args!.code}` });
    expect(screen.getByRole('button', { name: 'Imprimir o guardar como PDF' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Anular esta constancia' })).toBeNull();
  });
});
