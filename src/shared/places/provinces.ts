/**
 * Peru's 196 provinces with their 4-digit INEI codes, and the lookups that tie a place code
 * to its RED region. Written from the public administrative geography and checked against
 * INEI's directory by `test/unit/places/provinces-file.test.ts`. Compiled in: it works offline
 * before the first pull.
 */
import { regionOfDepartment } from './regions';

/** A province: 4-digit INEI code (department code + 2 digits) and its Spanish name. */
export interface Province {
  readonly code: string;
  readonly name: string;
}

// One line per department: its provinces in INEI order, numbered from 01.
const NAMES_BY_DEPARTMENT: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['01', ['Chachapoyas', 'Bagua', 'Bongará', 'Condorcanqui', 'Luya', 'Rodríguez de Mendoza', 'Utcubamba']],
  ['02', ['Huaraz', 'Aija', 'Antonio Raymondi', 'Asunción', 'Bolognesi', 'Carhuaz', 'Carlos Fermín Fitzcarrald',
    'Casma', 'Corongo', 'Huari', 'Huarmey', 'Huaylas', 'Mariscal Luzuriaga', 'Ocros', 'Pallasca', 'Pomabamba',
    'Recuay', 'Santa', 'Sihuas', 'Yungay']],
  ['03', ['Abancay', 'Andahuaylas', 'Antabamba', 'Aymaraes', 'Cotabambas', 'Chincheros', 'Grau']],
  ['04', ['Arequipa', 'Camaná', 'Caravelí', 'Castilla', 'Caylloma', 'Condesuyos', 'Islay', 'La Unión']],
  ['05', ['Huamanga', 'Cangallo', 'Huanca Sancos', 'Huanta', 'La Mar', 'Lucanas', 'Parinacochas',
    'Páucar del Sara Sara', 'Sucre', 'Víctor Fajardo', 'Vilcas Huamán']],
  ['06', ['Cajamarca', 'Cajabamba', 'Celendín', 'Chota', 'Contumazá', 'Cutervo', 'Hualgayoc', 'Jaén',
    'San Ignacio', 'San Marcos', 'San Miguel', 'San Pablo', 'Santa Cruz']],
  ['07', ['Callao']],
  ['08', ['Cusco', 'Acomayo', 'Anta', 'Calca', 'Canas', 'Canchis', 'Chumbivilcas', 'Espinar', 'La Convención',
    'Paruro', 'Paucartambo', 'Quispicanchi', 'Urubamba']],
  ['09', ['Huancavelica', 'Acobamba', 'Angaraes', 'Castrovirreyna', 'Churcampa', 'Huaytará', 'Tayacaja']],
  ['10', ['Huánuco', 'Ambo', 'Dos de Mayo', 'Huacaybamba', 'Huamalíes', 'Leoncio Prado', 'Marañón', 'Pachitea',
    'Puerto Inca', 'Lauricocha', 'Yarowilca']],
  ['11', ['Ica', 'Chincha', 'Nasca', 'Palpa', 'Pisco']],
  ['12', ['Huancayo', 'Concepción', 'Chanchamayo', 'Jauja', 'Junín', 'Satipo', 'Tarma', 'Yauli', 'Chupaca']],
  ['13', ['Trujillo', 'Ascope', 'Bolívar', 'Chepén', 'Julcán', 'Otuzco', 'Pacasmayo', 'Pataz', 'Sánchez Carrión',
    'Santiago de Chuco', 'Gran Chimú', 'Virú']],
  ['14', ['Chiclayo', 'Ferreñafe', 'Lambayeque']],
  ['15', ['Lima', 'Barranca', 'Cajatambo', 'Canta', 'Cañete', 'Huaral', 'Huarochirí', 'Huaura', 'Oyón', 'Yauyos']],
  ['16', ['Maynas', 'Alto Amazonas', 'Loreto', 'Mariscal Ramón Castilla', 'Requena', 'Ucayali',
    'Datem del Marañón', 'Putumayo']],
  ['17', ['Tambopata', 'Manu', 'Tahuamanu']],
  ['18', ['Mariscal Nieto', 'General Sánchez Cerro', 'Ilo']],
  ['19', ['Pasco', 'Daniel Alcides Carrión', 'Oxapampa']],
  ['20', ['Piura', 'Ayabaca', 'Huancabamba', 'Morropón', 'Paita', 'Sullana', 'Talara', 'Sechura']],
  ['21', ['Puno', 'Azángaro', 'Carabaya', 'Chucuito', 'El Collao', 'Huancané', 'Lampa', 'Melgar', 'Moho',
    'San Antonio de Putina', 'San Román', 'Sandia', 'Yunguyo']],
  ['22', ['Moyobamba', 'Bellavista', 'El Dorado', 'Huallaga', 'Lamas', 'Mariscal Cáceres', 'Picota', 'Rioja',
    'San Martín', 'Tocache']],
  ['23', ['Tacna', 'Candarave', 'Jorge Basadre', 'Tarata']],
  ['24', ['Tumbes', 'Contralmirante Villar', 'Zarumilla']],
  ['25', ['Coronel Portillo', 'Atalaya', 'Padre Abad', 'Purús']],
];

/** The 196 provinces, in INEI code order. */
export const PROVINCES: readonly Province[] = NAMES_BY_DEPARTMENT.flatMap(([departmentCode, names]) =>
  names.map((name, index) => ({ code: departmentCode + String(index + 1).padStart(2, '0'), name })),
);

const provincesByCode = new Map(PROVINCES.map((province) => [province.code, province]));

/** The Spanish name of a province (4-digit code), or undefined. */
export function provinceName(code: string): string | undefined {
  return provincesByCode.get(code)?.name;
}

/**
 * The RED region of a province (4 digits) or district (6 digits) code: `1501` (Lima
 * Metropolitana) for province 1501 and its districts, `15` (Lima Provincias) for the rest of
 * department 15, the department code elsewhere. Undefined when the code is malformed or its
 * province is not one of ours. District codes are not checked beyond their province: the
 * district list arrives by pull.
 */
export function regionOfPlace(code: string): string | undefined {
  if (!/^\d{4}(\d{2})?$/.test(code)) return undefined;
  const provinceCode = code.slice(0, 4);
  if (!provincesByCode.has(provinceCode)) return undefined;
  return regionOfDepartment(code.slice(0, 2), provinceCode);
}

/** The provinces of a RED region, in code order; empty for an unknown region. */
export function listProvinces(regionCode: string): readonly Province[] {
  return PROVINCES.filter((p) => regionOfPlace(p.code) === regionCode);
}
