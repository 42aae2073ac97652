/// <reference types="vite/client" />
/** Replaced at build time by the package version. */
declare const __APP_VERSION__: string;
