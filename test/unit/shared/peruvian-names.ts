/**
 * Peruvian names for the duplicate-warning tests: spellings people really write for one person
 * (Quechua and Aymara surnames written the Spanish way or the new way, y for i, a letter doubled
 * or not, an accent or a second surname left out), near misses that are different people, and
 * a generator of distinct people from common given names, surnames and real entities.
 */

/** [name, entity, another spelling of the same person, their entity as someone else wrote it]. */
export const SAME_PERSON_VARIANTS: readonly (readonly [string, string, string, string])[] = [
  ['Juan Condori Mamani', 'Municipalidad Distrital de Ácora', 'Juan Condory Mamani', 'Municipalidad Distrital de Acora'],
  ['Rosa Mamani Quispe', 'Municipalidad Provincial de Puno', 'Rosa Mamany Quispe', 'Municipalidad Provincial de Puno'],
  ['María Elena Apaza Ticona', 'Municipalidad Distrital de Ilave', 'Maria Elena Apaza', 'Municipalidad Distrital de Ilave'],
  ['Luz Huamán Ccori', 'DDC Cusco', 'Luz Guamán Cori', 'DDC Cusco'],
  ['Teodora Quispe Huanca', 'Municipalidad Distrital de Pisac', 'Teodora Quispi Wanka', 'Municipalidad Distrital de Pisac'],
  ['Julio Ccori Mamani', 'Gobierno Regional de Cusco', 'Julio Qori Mamani', 'Gobierno Regional de Cusco'],
  ['Nilda Yupanqui Ttito', 'Municipalidad Distrital de San Jerónimo', 'Nilda Yupanki Tito', 'Municipalidad Distrital de San Jeronimo'],
  ['Percy Huallpa Chambi', 'Municipalidad Distrital de Juliaca', 'Percy Wallpa Chambi', 'Muni. Distrital de Juliaca'],
  ['Edwin Apaza Coaquira', 'Municipalidad Provincial de El Collao', 'Edwin Apasa Coaquira', 'Municipalidad Provincial de El Collao'],
  ['Yessica Ccahua Sullca', 'Municipalidad Distrital de Combapata', 'Yesica Cahua Sullca', 'Municipalidad Distrital de Combapata'],
  ['Wilber Condori Choque', 'Municipalidad Distrital de Ácora', 'Wilber Condori Chuqui', 'MD Ácora'],
  ['Vilma Ticona Flores', 'Municipalidad Distrital de Pomata', 'Bilma Tikona Flores', 'Municipalidad Distrital de Pomata'],
  ['Héctor Cusi Layme', 'DDC Puno', 'Hector Kusi Laime', 'DDC Puno'],
  ['Marleni Quispe Hancco', 'Municipalidad Distrital de Ocongate', 'Marleny Quispe Hanco', 'Municipalidad Distrital de Ocongate'],
  ['Yolanda Ccoa Huarachi', 'Municipalidad Provincial de Chucuito', 'Yolanda Coa Warachi', 'Municipalidad Provincial de Chucuito'],
  ['Sonia Isabel Pari Mamani', 'Municipalidad Distrital de Chucuito', 'Sonia Pari Mamani', 'Municipalidad Distrital de Chucuito'],
  ['Ximena Huamán Paucar', 'Municipalidad Distrital de Quinua', 'Jimena Huaman Paucar', 'Municipalidad Distrital de Quinua'],
  ['Alfredo Cahuana Zapana', 'Gobierno Regional de Puno', 'Alfredo Cahuana Sapana', 'Gobierno Regional de Puno'],
  ['Efraín Machaca Calla', 'Municipalidad Distrital de Capachica', 'Efrain Machaca', 'Municipalidad Distrital de Capachica'],
  ['Gladys Callo Quispe', 'Municipalidad Distrital de Coata', 'Gladis Callo Quispe', 'Municipalidad Distrital de Coata'],
  ['Hilda Ñahui Ccopa', 'Municipalidad Distrital de Huanta', 'Hilda Ñawi Copa', 'Municipalidad Distrital de Huanta'],
  ['Rubén Llanque Cruz', 'Municipalidad Distrital de Ayaviri', 'Ruben Yanque Cruz', 'Municipalidad Distrital de Ayaviri'],
  ['Zenón Huaylla Ccama', 'Municipalidad Distrital de Andahuaylillas', 'Senón Guaylla Cama', 'Municipalidad Distrital de Andahuaylillas'],
  ['Flor de María Tintaya Vilca', 'DDC Apurímac', 'Flor de Maria Tintaya Bilca', 'DDC Apurimac'],
];

/** Pairs that look alike and are different people (another surname, a woman and a man, another entity). */
export const DISTINCT_PAIRS: readonly (readonly [string, string, string, string])[] = [
  ['Rosa Rojas Quispe', 'Municipalidad Provincial de Puno', 'Rosa Rosas Quispe', 'Municipalidad Provincial de Puno'],
  ['Mario Torres Apaza', 'Municipalidad Distrital de Ilave', 'Mario Porres Apaza', 'Municipalidad Distrital de Ilave'],
  ['Mario Quispe Mamani', 'DDC Cusco', 'María Quispe Mamani', 'DDC Cusco'],
  ['Julio Ccori Mamani', 'DDC Cusco', 'Julia Ccori Mamani', 'DDC Cusco'],
  ['Juan Condori Mamani', 'Municipalidad Distrital de Ácora', 'Juan Condori Mamani', 'Municipalidad Distrital de Ilave'],
  ['Juan Condori Mamani', 'Municipalidad Provincial de Puno', 'Juan Condori Mamani', 'Gobierno Regional de Puno'],
  ['Juan Quispe', 'DDC Puno', 'Juan Mamani', 'DDC Puno'],
  ['Luis Ramos Flores', 'DDC Puno', 'Luis Ramírez Flores', 'DDC Puno'],
  ['Ana Luque Coila', 'DDC Puno', 'Ana Luna Coila', 'DDC Puno'],
  ['Carlos Mendoza Paredes', 'Municipalidad Distrital de Pisac', 'Carla Mendoza Paredes', 'Municipalidad Distrital de Pisac'],
];

const GIVEN = [
  'Juan', 'José', 'Luis', 'Carlos', 'Jorge', 'Mario', 'Julio', 'Pedro', 'Víctor', 'Miguel', 'Jesús', 'Edwin', 'Wilber', 'Percy', 'Freddy',
  'Rubén', 'Héctor', 'Alfredo', 'Efraín', 'Zenón', 'Teodoro', 'Alejandro', 'César', 'Raúl', 'Walter', 'Hugo', 'Néstor', 'Fidel', 'Elmer', 'Richard',
  'María', 'Rosa', 'Ana', 'Luz', 'Carmen', 'Julia', 'Elena', 'Sonia', 'Gladys', 'Nilda', 'Yolanda', 'Vilma', 'Hilda', 'Marleni', 'Yessica',
  'Ximena', 'Teodora', 'Rosario', 'Norma', 'Lourdes', 'Silvia', 'Patricia', 'Flor', 'Delia', 'Maribel', 'Nancy', 'Betty', 'Roxana', 'Doris', 'Elsa',
];
const SURNAMES = [
  'Quispe', 'Mamani', 'Condori', 'Huamán', 'Apaza', 'Ticona', 'Ccori', 'Huanca', 'Yupanqui', 'Ttito', 'Huallpa', 'Chambi', 'Coaquira', 'Ccahua',
  'Sullca', 'Choque', 'Flores', 'Cusi', 'Layme', 'Hancco', 'Ccoa', 'Huarachi', 'Pari', 'Paucar', 'Cahuana', 'Zapana', 'Machaca', 'Calla', 'Callo',
  'Ñahui', 'Ccopa', 'Llanque', 'Cruz', 'Huaylla', 'Ccama', 'Tintaya', 'Vilca', 'Rojas', 'Rosas', 'Torres', 'Porres', 'Ramos', 'Ramírez',
  'García', 'Rodríguez', 'López', 'Sánchez', 'Gutiérrez', 'Pérez', 'Chávez', 'Vargas', 'Castillo', 'Mendoza', 'Paredes', 'Luque', 'Luna',
  'Coila', 'Arpasi', 'Ayamamani', 'Pilco', 'Turpo', 'Cutipa', 'Nina', 'Chura', 'Larico', 'Ccallo', 'Sucasaire', 'Velásquez', 'Cárdenas', 'Aguilar',
];
const ENTITIES = [
  'Municipalidad Distrital de Ácora', 'Municipalidad Provincial de Puno', 'Municipalidad Distrital de Ilave', 'DDC Cusco', 'DDC Puno',
  'Municipalidad Distrital de Pisac', 'Gobierno Regional de Cusco', 'Gobierno Regional de Puno', 'Municipalidad Distrital de San Jerónimo',
  'Municipalidad Distrital de Juliaca', 'Municipalidad Provincial de El Collao', 'Municipalidad Distrital de Combapata',
  'Municipalidad Distrital de Pomata', 'Municipalidad Distrital de Ocongate', 'Municipalidad Provincial de Chucuito',
  'Municipalidad Distrital de Quinua', 'Municipalidad Distrital de Capachica', 'Municipalidad Distrital de Coata',
  'Municipalidad Distrital de Huanta', 'Municipalidad Distrital de Ayaviri', 'DDC Apurímac', 'Municipalidad Provincial de Huamanga',
  'Municipalidad Distrital de Andahuaylillas', 'Municipalidad Distrital de Chinchero', 'Municipalidad Provincial de Azángaro',
];

/** A small seeded random source (mulberry32), so the list is the same on every run. */
function makeRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` different people: one or two given names, two surnames, an entity; no two alike in name and entity. */
export function makeDistinctPeople(count: number, seed = 2026): { fullName: string; entityName: string }[] {
  const random = makeRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const seen = new Set<string>();
  const people: { fullName: string; entityName: string }[] = [];
  while (people.length < count) {
    const first = pick(GIVEN);
    const second = random() < 0.3 ? pick(GIVEN.filter((g) => g !== first)) : undefined;
    const paternal = pick(SURNAMES);
    const maternal = pick(SURNAMES.filter((s) => s !== paternal));
    const fullName = [first, second, paternal, maternal].filter(Boolean).join(' ');
    const entityName = pick(ENTITIES);
    if (seen.has(`${fullName}|${entityName}`)) continue;
    seen.add(`${fullName}|${entityName}`);
    people.push({ fullName, entityName });
  }
  return people;
}
