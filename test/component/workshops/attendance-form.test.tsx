import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { registerAttendance, PRIVACY_NOTICE_VERSION } from '../../../src/state/attendance-model';
import { AttendanceScreen } from '../../../src/ui/workshops/attendance-screen';
import { makePerson, useSeededWorkshop } from './workshop-fixture';

const seeded = useSeededWorkshop();

function open() {
  return render(<LocationProvider><AttendanceScreen workshopId={seeded.workshopId} /></LocationProvider>);
}

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

function fillPerson(name = 'Juan Pérez Ñahui', entity = 'Municipalidad Distrital de Quinua') {
  type('Nombre completo', name);
  fireEvent.change(screen.getByLabelText('Tipo de entidad'), { target: { value: 'municipalidad-distrital' } });
  type('Nombre de la entidad', entity);
  fireEvent.change(screen.getByLabelText('Región'), { target: { value: '05' } });
  type('Cargo', 'Jefe de cultura');
}

const consentBox = () => screen.getByLabelText(/da su consentimiento/);
const saveButton = () => screen.getByRole('button', { name: 'Guardar asistencia' });

describe('Registro de asistencia', { timeout: 20_000 }, () => {
  it('without consent the record cannot be saved, and the button says why', async () => {
    open();
    fillPerson();
    const why = document.getElementById(saveButton().getAttribute('aria-describedby')!)!;
    expect(why.textContent).toContain('marque el consentimiento');
    fireEvent.click(saveButton());
    expect((await screen.findByRole('alert')).textContent).toContain('Sin el consentimiento de la persona no se puede guardar');
    expect(consentBox().getAttribute('aria-invalid')).toBe('true');
    expect(await seeded.dbs.user.outbox.count()).toBe(0);
    expect(await seeded.dbs.user.attendance.count()).toBe(0);
  });

  it('with consent it saves record and outbox together, confirms in Spanish and readies the form for the next person of the same entity', async () => {
    open();
    fillPerson();
    fireEvent.click(consentBox());
    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.getByText(/Asistencia de Juan Pérez Ñahui guardada en este teléfono/)).toBeTruthy());
    expect((screen.getByLabelText('Nombre completo') as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('Nombre completo'));
    // The next person usually comes from the same entity: entity, level and region stay; the rest does not.
    const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement).value;
    expect([valueOf('Tipo de entidad'), valueOf('Nombre de la entidad'), valueOf('Nivel de gobierno'), valueOf('Región')])
      .toEqual(['municipalidad-distrital', 'Municipalidad Distrital de Quinua', 'distrital', '05']);
    expect([valueOf('Cargo'), (consentBox() as HTMLInputElement).checked]).toEqual(['', false]);
    const [queued] = await seeded.dbs.user.outbox.toArray();
    expect(queued?.name).toBe('attendance.register');
    expect((queued?.args as { consent: unknown }).consent).toEqual({ given: true, textVersion: PRIVACY_NOTICE_VERSION });
    // Version 2 of the notice (issue 13) tells the person what a constancia's code shows.
    expect(PRIVACY_NOTICE_VERSION).toBe('ley29733-2026-12-v2');
    expect(screen.getByText(/Quien tenga ese código .* puede verificarla y ver su nombre/)).toBeTruthy();
    const rows = await seeded.dbs.user.attendance.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.person.fullName).toBe('Juan Pérez Ñahui');
  });

  it('warns as you type about the same normalised name and entity, and about the same document', async () => {
    await registerAttendance({ workshopId: seeded.workshopId, person: makePerson({ documentType: 'dni', documentNumber: '45678912' }), consentGiven: true });
    open();
    await screen.findByText('Asistentes: 1');
    type('Nombre completo', 'maria  QUISPE huamani');
    fireEvent.change(screen.getByLabelText('Tipo de entidad'), { target: { value: 'municipalidad-distrital' } });
    type('Nombre de la entidad', 'municipalidad distrital de quinua');
    expect(screen.getByText(/Posible duplicado: María Quispe Huamaní \(Municipalidad Distrital de Quinua\)/)).toBeTruthy();
    type('Nombre completo', 'Otra Persona');
    expect(screen.queryByText(/Posible duplicado/)).toBeNull();
    fireEvent.change(screen.getByLabelText('Tipo de documento (opcional)'), { target: { value: 'dni' } });
    type('Número de documento (opcional)', '45678912');
    expect(screen.getByText(/Posible duplicado: María Quispe Huamaní/)).toBeTruthy();
  });

  it('warns about another spelling of the name (Condory, Mamany, no second surname, Ácora) without merging it on save', async () => {
    await registerAttendance({ workshopId: seeded.workshopId, person: makePerson({ fullName: 'Juan Condori Mamani', entityName: 'Municipalidad Distrital de Ácora' }), consentGiven: true });
    open();
    await screen.findByText('Asistentes: 1');
    fillPerson('Juan Condory Mamany', 'Municipalidad Distrital de Acora');
    const warning = screen.getByText(/Posible duplicado: se parece a Juan Condori Mamani \(Municipalidad Distrital de Ácora\)/);
    expect(warning.textContent).toContain('Si es la misma persona, no guarde otra vez');
    expect(warning.textContent).not.toContain('se unificará');
    type('Nombre completo', 'Juan Condori');
    expect(screen.getByText(/Posible duplicado: se parece a Juan Condori Mamani/)).toBeTruthy();
    type('Nombre completo', 'Juana Condori Mamani');
    expect(screen.queryByText(/Posible duplicado/)).toBeNull();
    type('Nombre completo', 'Juan Condory Mamani');
    fireEvent.click(consentBox());
    fireEvent.click(saveButton());
    await screen.findByText(/Asistencia de Juan Condory Mamani guardada/);
    // A warning, never a merge: the spelling may be another person; the merge rule is unchanged.
    expect(await seeded.dbs.user.attendance.count()).toBe(2);
  });

  it('saving the same person twice keeps one record, marked "Unificado con otro registro"', async () => {
    await registerAttendance({ workshopId: seeded.workshopId, person: makePerson(), consentGiven: true });
    open();
    await screen.findByText('Asistentes: 1');
    fillPerson('MARÍA QUISPE HUAMANÍ', 'Municipalidad Distrital de Quinua');
    fireEvent.click(consentBox());
    fireEvent.click(saveButton());
    await screen.findByText(/ya tenía un registro: se unificó con él/);
    expect(await seeded.dbs.user.attendance.count()).toBe(1);
    expect(await seeded.dbs.user.outbox.count()).toBe(2);
    expect(screen.getByText('Unificado con otro registro (1)')).toBeTruthy();
  });

  it('«No es la misma persona» keeps a namesake apart: no warning, no merge, and the mark goes with the record to the server', async () => {
    const firstId = await registerAttendance({ workshopId: seeded.workshopId, person: makePerson(), consentGiven: true });
    open();
    await screen.findByText('Asistentes: 1');
    fillPerson('María Quispe Huamaní', 'Municipalidad Distrital de Quinua');
    expect(screen.getByText(/Si guarda, se unificará con ese registro/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'No es la misma persona' }));
    expect(screen.queryByText(/Posible duplicado/)).toBeNull();
    fireEvent.click(consentBox());
    fireEvent.click(saveButton());
    await screen.findByText(/Asistencia de María Quispe Huamaní guardada/);
    const rows = await seeded.dbs.user.attendance.toArray();
    expect(rows).toHaveLength(2);
    const second = rows.find((r) => r.id !== firstId)!;
    expect(second.distinctFrom).toEqual([firstId]);
    const queued = (await seeded.dbs.user.outbox.toArray()).at(-1)!;
    expect([queued.name, queued.v, (queued.args as { distinctFrom?: string[] }).distinctFrom]).toEqual(['attendance.register', 2, [firstId]]);
  });

  it('merges two records of one person by hand from the roster: the chosen one stays, with the other\'s missing data', async () => {
    const keepId = await registerAttendance({ workshopId: seeded.workshopId, person: makePerson({ fullName: 'Rosa Condori Mamani', entityName: 'DDC Puno' }), consentGiven: true });
    const goneId = await registerAttendance({ workshopId: seeded.workshopId, person: makePerson({ fullName: 'Rosa Condory Mamany', entityName: 'DDC Puno', phone: '951 222 333' }), consentGiven: true });
    open();
    await screen.findByText('Asistentes: 2');
    fireEvent.click(screen.getByRole('button', { name: 'Unir a Rosa Condori Mamani con otro registro' }));
    fireEvent.change(screen.getByLabelText('¿Con qué registro es la misma persona que Rosa Condori Mamani?'), { target: { value: goneId } });
    expect(screen.getByText(/Queda el registro de Rosa Condori Mamani/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unir los dos registros' }));
    await screen.findByText('Asistentes: 1');
    const [row] = await seeded.dbs.user.attendance.toArray();
    expect([row!.id, row!.person.fullName, row!.person.phone, row!.mergedIds]).toEqual([keepId, 'Rosa Condori Mamani', '951 222 333', [goneId]]);
    const queued = (await seeded.dbs.user.outbox.toArray()).at(-1)!;
    expect([queued.name, queued.args]).toEqual(['attendance.merge', { keepId, mergeId: goneId }]);
  });

  it('searches the roster by name, entity or document, ignoring accents and case', async () => {
    await registerAttendance({ workshopId: seeded.workshopId, person: makePerson(), consentGiven: true });
    await registerAttendance({ workshopId: seeded.workshopId, person: makePerson({ fullName: 'José Ccori Mamani', entityName: 'Gobierno Regional de Cusco', entityType: 'gobierno-regional', governmentLevel: 'regional', regionCode: '08' }), consentGiven: true });
    await registerAttendance({ workshopId: seeded.workshopId, person: makePerson({ fullName: 'Lucía Ramos', entityName: 'Municipalidad Provincial de Huamanga', documentType: 'dni', documentNumber: '12345678' }), consentGiven: true });
    open();
    await screen.findByText('Asistentes: 3');
    type('Buscar por nombre, entidad o documento', 'jose');
    const roster = screen.getByRole('region', { name: 'Lista de asistentes' });
    expect(within(roster).getByText(/Se muestran 1 de 3/)).toBeTruthy();
    expect(within(roster).getByText('José Ccori Mamani')).toBeTruthy();
    type('Buscar por nombre, entidad o documento', '12345678');
    expect(within(roster).getByText('Lucía Ramos')).toBeTruthy();
    expect(within(roster).queryByText('José Ccori Mamani')).toBeNull();
  });

  it('counts live by region and by government level, in tables beside the charts', async () => {
    await registerAttendance({ workshopId: seeded.workshopId, person: makePerson(), consentGiven: true });
    await registerAttendance({ workshopId: seeded.workshopId, person: makePerson({ fullName: 'Ana Torres' }), consentGiven: true });
    await registerAttendance({ workshopId: seeded.workshopId, person: makePerson({ fullName: 'José Ccori', entityName: 'Gobierno Regional de Cusco', entityType: 'gobierno-regional', governmentLevel: 'regional', regionCode: '08' }), consentGiven: true });
    open();
    await screen.findByText('Asistentes: 3');
    const byRegion = screen.getAllByRole('table')[0]!;
    expect(within(byRegion).getByRole('row', { name: /Ayacucho 2 67/ })).toBeTruthy();
    expect(within(byRegion).getByRole('row', { name: /Cusco 1 33/ })).toBeTruthy();
    const byLevel = screen.getAllByRole('table')[1]!;
    expect(within(byLevel).getByRole('row', { name: /Distrital 2/ })).toBeTruthy();
    expect(within(byLevel).getByRole('row', { name: /Regional 1/ })).toBeTruthy();
    fillPerson('Pedro Nuevo', 'Gobierno Regional de Cusco');
    fireEvent.change(screen.getByLabelText('Región'), { target: { value: '08' } });
    fireEvent.click(consentBox());
    fireEvent.click(saveButton());
    await screen.findByText('Asistentes: 4');
    expect(within(screen.getAllByRole('table')[0]!).getByRole('row', { name: /Cusco 2 50/ })).toBeTruthy();
  });

  it('corrects a record and removes one only after a confirmation', async () => {
    await registerAttendance({ workshopId: seeded.workshopId, person: makePerson(), consentGiven: true });
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Corregir a María Quispe Huamaní' }));
    type('Cargo', 'Promotora cultural');
    fireEvent.click(screen.getByRole('button', { name: 'Guardar corrección' }));
    await screen.findByText('Corrección de María Quispe Huamaní guardada.');
    const [row] = await seeded.dbs.user.attendance.toArray();
    expect(row!.person.position).toBe('Promotora cultural');
    fireEvent.click(screen.getByRole('button', { name: 'Quitar a María Quispe Huamaní' }));
    expect(await seeded.dbs.user.attendance.count()).toBe(1);
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quitar' }));
    await screen.findByText('Asistentes: 0');
    expect((await seeded.dbs.user.outbox.toArray()).map((r) => r.name)).toEqual(['attendance.register', 'attendance.update', 'attendance.remove']);
  });

  it('keeps what was typed across a reload (sessionStorage draft)', async () => {
    const first = open();
    type('Nombre completo', 'Rosa Ñaupa');
    first.unmount();
    open();
    expect((screen.getByLabelText('Nombre completo') as HTMLInputElement).value).toBe('Rosa Ñaupa');
  });
});
