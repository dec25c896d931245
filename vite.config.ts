import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { offlinePlugins } from './scripts/vite-offline.ts'
import { buildFonts } from './scripts/build-fonts.mjs'
import { testReporters } from './scripts/test-reporters.ts'

// The PDF fonts (public/fonts/*.ttf) are built from the npm package, never committed: before
// every dev server, build and test run (a no-op when they are up to date).
const pdfFonts = { name: 'nianbao-pdf-fonts', buildStart: () => buildFonts() }

// Relative base: dist/ works from any sub-path of an existing site (e.g. /zwgk/nianbao/).
export default defineConfig({
  base: './',
  plugins: [vue(), pdfFonts, ...offlinePlugins()],
  build: {
    target: 'es2022',
    // dist/.vite/manifest.json: scripts/check-budget.mjs follows the entry's static imports.
    manifest: true,
  },
  test: {
    environment: 'node',
    include: [
      'tests/unit/**/*.test.ts',
      'tests/component/**/*.test.ts',
      'tests/corpus/**/*.test.ts',
    ],
    ...testReporters('unit'),
  },
})
