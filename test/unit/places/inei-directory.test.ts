import { describe, expect, it } from 'vitest';
import { hasFatalProblems, parseIneiDirectory } from '../../../src/server/places/inei-directory';
import { readDelimitedRows } from '../../../src/server/places/delimited-text';
import { collapseSpaces, lowerParticles } from '../../../src/server/places/place-names';

const HEADER = 'departamento;provincia;distrito;ubigeo;capital_legal;categoría;altitud;población;latitud;longitud';
const CHACHAPOYAS = 'Amazonas;Chachapoyas;Chachapoyas;010101;Chachapoyas;Ciudad;2338.0;41843;-6.22944444;-77.87277778';

/** A partial directory file from rows, as INEI exports it (BOM, LF by default). */
function read(rows: string[], options: { bom?: boolean; eol?: string } = {}) {
  const text = (options.bom === false ? '' : '\uFEFF') + [HEADER, ...rows].join(options.eol ?? '\n') + '\n';
  return parseIneiDirectory(text, { isPartial: true });
}

describe('reading the INEI directory format', () => {
  it('reads a row into a district record, with or without BOM, LF or CRLF', () => {
    for (const options of [{}, { bom: false }, { eol: '\r\n' }]) {
      const directory = read([CHACHAPOYAS], options);
      expect(directory.problems).toEqual([]);
      expect(directory.mended).toEqual([]);
      expect(directory.districts).toEqual([{
        code: '010101', name: 'Chachapoyas', provinceCode: '0101', departmentCode: '01', capital: 'Chachapoyas',
        category: 'Ciudad', altitude: 2338, population: 41843, lat: -6.22944444, lon: -77.87277778,
      }]);
    }
  });

  it('reads quoted fields holding the separator, quotes and a line break', () => {
    const rows = readDelimitedRows('a;"b;c";"say ""hi""";"two\nlines"\r\nx;y\n');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b;c', 'say "hi"', 'two\nlines'] },
      { line: 3, fields: ['x', 'y'] },
    ]);
    const directory = read(['Amazonas;Chachapoyas;"Chachapoyas";"010101";"Chachapoyas; capital";Ciudad;;;;']);
    expect(directory.districts[0]).toMatchObject({ code: '010101', capital: 'Chachapoyas; capital', altitude: null, lat: null });
  });

  it('finds columns by name, in any order and without accents', () => {
    const text = 'ubigeo;distrito;provincia;departamento;poblacion\n010101;Chachapoyas;Chachapoyas;Amazonas;41843\n';
    const directory = parseIneiDirectory(text, { isPartial: true });
    expect(directory.problems).toEqual([]);
    expect(directory.districts[0]).toMatchObject({ code: '010101', name: 'Chachapoyas', population: 41843, capital: null });
  });

  it('refuses a file without the ubigeo column', () => {
    const directory = parseIneiDirectory('departamento;provincia;distrito\nAmazonas;Chachapoyas;Chachapoyas\n');
    expect(directory.districts).toEqual([]);
    expect(hasFatalProblems(directory)).toBe(true);
    expect(directory.problems[0]?.message).toContain('ubigeo');
  });
});

describe('mending the known faults', () => {
  it('puts 061306 in province Santa Cruz and reports the name "Ninabamba"', () => {
    const directory = read(['Cajamarca;Ninabamba;Ninabamba;061306;Ninabamba;Pueblo;2195.7;1653;-6.64972222;-78.7875']);
    expect(directory.districts[0]).toMatchObject({ code: '061306', name: 'Ninabamba', provinceCode: '0613' });
    expect(directory.mended).toEqual([{ code: '061306', field: 'province', from: 'Ninabamba', to: 'Santa Cruz' }]);
    expect(directory.problems).toEqual([expect.objectContaining({
      severity: 'warning', kind: 'province_name', line: 2, code: '061306',
      message: expect.stringContaining('«Santa Cruz»'),
    })]);
    expect(hasFatalProblems(directory)).toBe(false);
  });

  it('completes "Santa Cruz de Toled" to "Santa Cruz de Toledo" in name and capital', () => {
    const directory = read(['Cajamarca;Contumazá;Santa Cruz de Toled;060506;Santa Cruz de Toled;Villa;2425.9;986;-7.3;-78.8']);
    expect(directory.districts[0]).toMatchObject({ name: 'Santa Cruz de Toledo', capital: 'Santa Cruz de Toledo' });
    expect(directory.mended.map((m) => m.field)).toEqual(['name', 'capital']);
  });

  it('leaves "Santa Cruz de Toled" alone in a district other than 060506', () => {
    const directory = read(['Cajamarca;Contumazá;Santa Cruz de Toled;060507;Catan;Villa;2780.1;2663;-7.3;-78.9']);
    expect(directory.districts[0]?.name).toBe('Santa Cruz de Toled');
  });

  it('collapses double spaces and lists the change', () => {
    const directory = read(['Cajamarca;Celendín;La Libertad de Pallán;060312;La Libertad de  Pallán;Pueblo;2951.8;6422;-6.7;-78.2']);
    expect(directory.districts[0]?.capital).toBe('La Libertad de Pallán');
    expect(directory.mended).toEqual([{ code: '060312', field: 'capital', from: 'La Libertad de  Pallán', to: 'La Libertad de Pallán' }]);
  });

  it.each([
    ['Villa María Del Triunfo', 'Villa María del Triunfo'],
    ['Carmen De La Legua Reynoso', 'Carmen de la Legua Reynoso'],
    ['San José De Los Molinos', 'San José de los Molinos'],
    ['José Crespo Y Castillo', 'José Crespo y Castillo'],
    ['Madre De Dios', 'Madre de Dios'],
    ['La Victoria', 'La Victoria'],
    ['Los Olivos', 'Los Olivos'],
    ['Las Piedras', 'Las Piedras'],
    ['Santa Anita - Los Ficus', 'Santa Anita - Los Ficus'],
    ['Villa El Salvador', 'Villa El Salvador'],
    ['San Miguel de El Faique', 'San Miguel de El Faique'],
    ['Delicias De Lambayeque', 'Delicias de Lambayeque'],
    ['Lagunas', 'Lagunas'],
  ])('writes "%s" as "%s"', (from, to) => {
    expect(lowerParticles(collapseSpaces(from))).toBe(to);
  });

  it('puts a province name right when only its accents differ, without calling it a problem', () => {
    const directory = read(['Ancash;Huaraz;Huaraz;020101;Huaraz;Ciudad;3052;1000;-9.5;-77.5']);
    expect(directory.problems).toEqual([]);
    expect(directory.mended).toEqual([{ code: '020101', field: 'department', from: 'Ancash', to: 'Áncash' }]);
  });

  it('puts back the leading zero a spreadsheet dropped from the code', () => {
    const directory = read(['Amazonas;Chachapoyas;Chachapoyas;10101;Chachapoyas;Ciudad;2338.0;41843;-6.2;-77.8']);
    expect(directory.districts[0]?.code).toBe('010101');
    expect(directory.mended).toEqual([{ code: '010101', field: 'code', from: '10101', to: '010101' }]);
  });
});

describe('reporting bad rows instead of dropping them', () => {
  it.each([
    ['a code that is not 6 digits', 'Amazonas;Chachapoyas;Chachapoyas;01A101;x;Ciudad;1;1;-6;-77', 'bad_code'],
    ['a province code where a district belongs', 'Amazonas;Chachapoyas;Chachapoyas;010100;x;Ciudad;1;1;-6;-77', 'bad_code'],
    ['a department that does not exist', 'Marte;Olimpo;Olimpo;260101;x;Ciudad;1;1;-6;-77', 'unknown_department'],
    ['a province not in our list', 'Amazonas;Nueva;Nueva;010801;x;Ciudad;1;1;-6;-77', 'unknown_province'],
    ['a district without a name', 'Amazonas;Chachapoyas;  ;010101;x;Ciudad;1;1;-6;-77', 'missing_name'],
    ['a row with a column too many', 'Amazonas;Chachapoyas;Chachapoyas;010101;x;y;Ciudad;1;1;-6;-77', 'field_count'],
  ])('reports %s as an error, with its line', (_, row, kind) => {
    const directory = read([CHACHAPOYAS.replace('010101', '010102'), row]);
    expect(directory.districts.map((d) => d.code)).toEqual(['010102']);
    expect(directory.problems).toContainEqual(expect.objectContaining({ severity: 'error', kind, line: 3 }));
    expect(hasFatalProblems(directory)).toBe(true);
  });

  it('keeps the first of two rows with the same code and reports the second', () => {
    const directory = read([CHACHAPOYAS, CHACHAPOYAS.replace('Chachapoyas;Ciudad', 'Otra;Pueblo')]);
    expect(directory.districts).toHaveLength(1);
    expect(directory.districts[0]?.capital).toBe('Chachapoyas');
    expect(directory.problems).toContainEqual(expect.objectContaining({ kind: 'duplicate_code', code: '010101', line: 3 }));
  });

  it('keeps a row with a bad number or coordinates outside Peru, and warns', () => {
    const directory = read(['Amazonas;Chachapoyas;Chachapoyas;010101;Chachapoyas;Ciudad;mucha;41843;6.2;-77.8']);
    expect(directory.districts[0]).toMatchObject({ altitude: null, lat: 6.2 });
    expect(directory.problems.map((p) => [p.severity, p.kind])).toEqual([['warning', 'bad_number'], ['warning', 'bad_coordinates']]);
    expect(hasFatalProblems(directory)).toBe(false);
  });

  it('warns when the count of districts is not the expected one', () => {
    const directory = parseIneiDirectory(`${HEADER}\n${CHACHAPOYAS}\n`);
    expect(directory.problems).toContainEqual(expect.objectContaining({
      kind: 'row_count', message: 'El archivo trae 1 distritos válidos; se esperaban 1891.',
    }));
    expect(directory.problems.filter((p) => p.kind === 'missing_province')).toHaveLength(195);
  });
});
