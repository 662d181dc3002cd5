import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, runImportPlaces } from '../../../src/server/places/import-command';
import { countPlaces } from '../../../src/server/places/places-store';
import { openStore } from '../../../src/server/store/database';
import { hasIneiFile, ineiFilePath, skipReason } from '../../unit/places/inei-file';

if (!hasIneiFile) console.warn(skipReason);

const HEADER = 'departamento;provincia;distrito;ubigeo;capital_legal;categoría;altitud;población;latitud;longitud';

describe('npm run import:places', () => {
  let dataDir: string;
  let lines: string[];
  const env = () => ({ TINKUY_DATA_DIR: dataDir });
  const run = (...args: string[]) => runImportPlaces(args, env(), (line) => lines.push(line));
  const dbFile = () => path.join(dataDir, 'tinkuy.db');

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tinkuy-import-'));
    lines = [];
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it.skipIf(!hasIneiFile)('imports the real directory into SQLite with a Spanish report, and a rerun changes nothing', async () => {
    expect(await run(ineiFilePath)).toBe(EXIT.ok);
    expect(lines).toContain('Distritos leídos: 1,891 (en 196 provincias y 25 departamentos).');
    expect(lines).toContain('  060506 distrito: «Santa Cruz de Toled» → «Santa Cruz de Toledo»');
    expect(lines).toContain('  061306 provincia: «Ninabamba» → «Santa Cruz»');
    expect(lines).toContain('Problemas (1; 0 graves):');
    expect(lines).toContain('Importación terminada: 2,113 lugares nuevos, 0 cambiados, 0 sin cambios, 0 retirados.');

    lines = [];
    expect(await run(ineiFilePath)).toBe(EXIT.ok);
    expect(lines).toContain('Importación terminada: 0 lugares nuevos, 0 cambiados, 2,113 sin cambios, 0 retirados.');
    expect(lines).toContain('Versiones de sincronización usadas: 0.');

    const store = openStore({ kind: 'sqlite', file: dbFile() });
    try {
      expect(await countPlaces(store.db)).toEqual({ region: 26, province: 196, district: 1891 });
    } finally {
      await store.close();
    }
  });

  it('imports nothing from a file with a fatal problem and exits with 1', async () => {
    const file = path.join(dataDir, 'malo.csv');
    writeFileSync(file, `${HEADER}\nAmazonas;Chachapoyas;Chachapoyas;01010X;Chachapoyas;Ciudad;1;1;-6;-77\n`);
    expect(await run(file)).toBe(EXIT.fatal);
    expect(lines).toContain('  ERROR: Fila 2: el ubigeo «01010X» no tiene 6 dígitos; se dejó fuera.');
    expect(lines.at(-1)).toBe('No se importó nada: corrija los errores del archivo y vuelva a intentar.');
    expect(existsSync(dbFile())).toBe(false);
  });

  it('only checks the file with --solo-revisar', async () => {
    const file = path.join(dataDir, 'uno.csv');
    writeFileSync(file, `\uFEFF${HEADER}\nAmazonas;Chachapoyas;Chachapoyas;010101;Chachapoyas;Ciudad;1;1;-6;-77\n`);
    expect(await run(file, '--solo-revisar')).toBe(EXIT.ok);
    expect(lines[0]).toBe('Distritos leídos: 1 (en 1 provincias y 1 departamentos).');
    expect(existsSync(dbFile())).toBe(false);
  });

  it('explains its use, or the unreadable file, and exits with 2', async () => {
    expect(await run()).toBe(EXIT.usage);
    expect(lines[0]).toMatch(/^Uso: npm run import:places -- ARCHIVO/);
    expect(await run('a.csv', '--borrar-todo')).toBe(EXIT.usage);
    lines = [];
    expect(await run(path.join(dataDir, 'no-existe.csv'))).toBe(EXIT.usage);
    expect(lines[0]).toMatch(/^No se pudo leer el archivo .*no-existe\.csv: ENOENT\.$/);
  });
});
