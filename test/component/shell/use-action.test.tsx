import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { AlertNote } from '../../../src/ui/shell/alert-note';
import { useAction } from '../../../src/ui/shell/use-action';

/** A button whose action waits for `release` and then fails with `error`. */
function SaveButton({ calls, error, release }: { calls: string[]; error: unknown; release: Promise<void> }) {
  const action = useAction('No se pudo guardar.');
  return (
    <>
      <button type="button" onClick={() => void action.run(async () => { calls.push('run'); await release; throw error; })}>Guardar</button>
      {action.failure.value && <AlertNote>{action.failure.value}</AlertNote>}
    </>
  );
}

describe('a button’s action (useAction)', () => {
  it.each([
    ['its own Spanish sentence', new Error('El almacenamiento del teléfono está lleno.'), 'El almacenamiento del teléfono está lleno.'],
    ['the fallback when it has none', 'algo raro', 'No se pudo guardar.'],
  ])('a failure is shown as an alert with %s; a second tap while it runs does nothing', async (_case, error, shown) => {
    const calls: string[] = [];
    let open!: () => void;
    const release = new Promise<void>((resolve) => (open = resolve));
    render(<SaveButton calls={calls} error={error} release={release} />);
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    open();
    expect((await screen.findByRole('alert')).textContent).toBe(shown);
    expect(calls).toEqual(['run']);
  });
});
