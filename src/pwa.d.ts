/// <reference types="vite-plugin-pwa/vue" />

interface ImportMetaEnv {
  /** package.json's version, defined at build time by scripts/vite-offline.ts. */
  readonly APP_VERSION: string
}
