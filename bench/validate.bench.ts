import { it } from 'vitest'
import { validate } from '../src/domain'
import { largeReport } from '../tests/fixtures/large2021'
import { medianMs, record } from './record'

const RUNS = 2000

it('validate on the large 2021 report', async () => {
  const report = largeReport()
  const lastYear = largeReport()
  lastYear.meta.year = 2023
  // A fresh cells object per run, as the store produces after an edit (no stale identity caches).
  let n = 0
  const edit = () => {
    report.cells = { ...report.cells, 't3.disclosed.naturalPerson': 2334 + (n++ % 2) }
    return validate(report)
  }
  record(`validate, large 2021 report (median of ${RUNS})`, await medianMs(edit, RUNS, 200), 'ms')
  // A keystroke in section 一: that section is read again, the others come from the cache.
  const overview = report.narrative.overview
  const type = () => {
    report.narrative = { ...report.narrative, overview: overview + (n++ % 1000) }
    return validate(report)
  }
  record(
    `validate after an edit of section 一 (median of ${RUNS})`,
    await medianMs(type, RUNS, 200),
    'ms',
  )
  // With last year's report, as while editing: each run a changed cell and section 一, so the
  // cross-year checks and the comparison with last year's text run every time (no cache hits).
  const withLastYear = () => {
    n++
    report.cells = { ...report.cells, 't3.disclosed.naturalPerson': 2334 + (n % 2) }
    report.narrative = { ...report.narrative, overview: overview + n }
    return validate(report, { lastYear })
  }
  record(
    `validate with last year's report (median of ${RUNS})`,
    await medianMs(withLastYear, RUNS, 200),
    'ms',
  )
})
