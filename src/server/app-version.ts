/** Replaced at build time (and in Vitest) by vite.config.ts `define` with package.json's version. */
declare const __APP_VERSION__: string;

/** The version of this server build, as /api/health reports it. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
