import type { BuildInfo } from '../shared/build';

/** Replaced at build time (and in Vitest) by vite.config.ts `define`: package.json's version and this build. */
declare const __APP_VERSION__: string;
declare const __BUILD__: BuildInfo;

/** The version of this server build, as /api/health reports it. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

/** This server bundle's own build; /api/health prefers the build of the app it serves (build-info.ts). */
export const SERVER_BUILD: BuildInfo = typeof __BUILD__ === 'object' ? __BUILD__ : { id: 'dev', commit: 'dev', builtAt: new Date(0).toISOString() };
