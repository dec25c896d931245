import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { testReporters } from '../../scripts/test-reporters.ts'

// Browser tests against the production build: one Chromium at a time (2 cores), slow CI machines.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    ...testReporters('e2e'),
  },
})
