/** Más shows the way into the catalogue editor to coordinadores only. */
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import { useDatabases } from '../../../src/db/connection';
import { writeSession } from '../../../src/db/meta-store';
import { loadSession } from '../../../src/state/session-model';
import type { Role } from '../../../src/shared/schemas/common';
import { MoreScreen } from '../../../src/ui/more/more-screen';
import { createDevice, makeSession } from '../../unit/sync/device-fixture';

afterEach(() => useDatabases(undefined));

async function signInAs(roles: Role[] | null): Promise<void> {
  const dbs = createDevice();
  useDatabases(dbs);
  if (roles) await writeSession(dbs.user, makeSession({ user: { id: 'u1', email: 'rosa@cultura.gob.pe', name: 'Rosa', roles } }));
  await loadSession();
}

describe('Más → Editar catálogo', () => {
  it.each<[string, boolean, Role[] | null]>([
    ['nobody', false, null],
    ['a gestor', false, ['gestor']],
    ['a facilitador', false, ['facilitador']],
    ['a coordinador', true, ['coordinador']],
    ['a facilitador who is also coordinador', true, ['facilitador', 'coordinador']],
  ])('with %s signed in, "Editar catálogo" is listed: %s', async (_who, isShown, roles) => {
    await signInAs(roles);
    render(<MoreScreen />);
    await screen.findByRole('link', { name: /Sincronización/ });
    const link = screen.queryByRole('link', { name: /Editar catálogo/ });
    expect(link !== null).toBe(isShown);
    if (link) expect(link.getAttribute('href')).toBe('/mas/editor');
  });
});
