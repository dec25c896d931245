/**
 * Vitest reporters: the usual console output, plus (under CI) a JSON record that
 * scripts/ci-summary.mjs turns into one plain `N passed, N failed` line per suite.
 */
export const testReporters = (suite: string) =>
  process.env.CI
    ? {
        reporters: ['default', 'json'],
        outputFile: { json: `test-results/${suite}.json` },
      }
    : {}
