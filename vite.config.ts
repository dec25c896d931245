import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { offlinePlugins } from './scripts/vite-offline.ts'
import { buildFonts } from './scripts/build-fonts.mjs'
import { testReporters } from './scripts/test-reporters.ts'

// The PDF fonts (public/fonts/*.ttf) are built from the npm package, never committed: before
// every dev server, build and test run (a no-op when they are up to date).
const pdfFonts = { name: 'nianbao-pdf-fonts', buildStart: () => buildFonts() }

// jsPDF imports these lazily for html() and SVG, which the app never uses: not built, not precached.
const jspdfOptional = fileURLToPath(new URL('./src/io/pdf/jspdfOptional.ts', import.meta.url))
const unusedJspdfModules = ['html2canvas', 'canvg', 'dompurify'].map((name) => ({
  find: new RegExp(`^${name}$`),
  replacement: jspdfOptional,
}))

// Relative base: dist/ works from any sub-path of an existing site (e.g. /zwgk/nianbao/).
export default defineConfig({
  base: './',
  plugins: [vue(), pdfFonts, ...offlinePlugins()],
  resolve: { alias: unusedJspdfModules },
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
