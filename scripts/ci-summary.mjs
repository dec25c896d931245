// Prints one plain line per test suite from the JSON written under CI (scripts/test-reporters.ts),
// e.g. `unit: 443 passed, 0 failed`.
import { existsSync, readFileSync } from 'node:fs'

let failed = 0
for (const suite of process.argv.slice(2)) {
  const file = `test-results/${suite}.json`
  if (!existsSync(file)) {
    console.log(`${suite}: no results (${file} missing)`)
    failed++
    continue
  }
  const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(file, 'utf8'))
  console.log(`${suite}: ${numPassedTests} passed, ${numFailedTests} failed`)
  failed += numFailedTests
}
process.exit(failed ? 1 : 0)
