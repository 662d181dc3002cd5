// Writes the product's copy of INEI's district directory (src/server/places/data/) from the
// project's copy in ../shared/data: only the four columns a fresh start needs (department,
// province, district, ubigeo), the rows untouched, so the server mends and checks them through
// the same importer as `npm run import:places`. Run: node tools/compact-ubigeo.mjs [IN] [OUT]
import { readFileSync, writeFileSync } from 'node:fs';

const input = process.argv[2] ?? '../shared/data/ubigeo_inei_2025.csv';
const output = process.argv[3] ?? 'src/server/places/data/ubigeo-inei-2025.csv';
const KEEP = ['departamento', 'provincia', 'distrito', 'ubigeo'];

const lines = readFileSync(input, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
const header = lines[0].split(';');
const indexes = KEEP.map((name) => header.indexOf(name));
if (indexes.includes(-1)) throw new Error(`${input}: faltan columnas ${KEEP.filter((_, i) => indexes[i] === -1).join(', ')}`);
// The source has no quoted fields (the importer's reader would say so): a plain split is exact.
if (lines.some((line) => line.includes('"'))) throw new Error(`${input}: tiene comillas; use el lector del importador`);
const rows = lines.map((line) => { const cells = line.split(';'); return indexes.map((i) => cells[i]).join(';'); });
writeFileSync(output, `${rows.join('\n')}\n`);
console.log(`${output}: ${rows.length - 1} distritos, ${Buffer.byteLength(rows.join('\n'))} bytes`);
