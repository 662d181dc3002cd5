/** Entry point of `npm run import:places -- ARCHIVO`: see `../places/import-command`. */
import { runImportPlaces } from '../places/import-command';

try {
  process.exitCode = await runImportPlaces(process.argv.slice(2), process.env, (line) => console.log(line));
} catch (error) {
  console.error(`La importación falló y no se guardó nada: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
