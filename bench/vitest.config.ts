import { defineConfig } from 'vitest/config'

// Benchmarks run as ordinary Vitest files (TypeScript, same module resolution as the app) that
// record figures with bench/record.ts; they assert nothing about timings.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 600_000,
    // A bench may rebuild dist/ before it starts (bench/pdf-browser.bench.ts).
    hookTimeout: 600_000,
    fileParallelism: false,
  },
})
