export { checkCatalogue, compileCatalogue, hashOf, type CatalogueResult } from './compile-catalogue';
export { compileEntry } from './compile-entry';
export { compileTemplate } from './compile-template';
export { CatalogueFaultsError, formatFault, type Fault } from './faults';
export { catalogueContent, CATALOGUE_FILE, type CatalogueContentOptions } from './vite-plugin';
