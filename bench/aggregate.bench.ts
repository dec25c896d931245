/**
 * 汇总 in Node: 300 units (the largest county office), and a province's 10,000 reporting bodies
 * summed level by level (units → 100 counties → 10 cities → province), as each level's office
 * would do with the region reports of the level below.
 */
import { expect, it } from 'vitest'
import { aggregate, unitFindings, type Report, type UnitInput } from '../src/domain'
import { unitFigures, unitReport } from '../tests/fixtures/units'
import { medianMs, record } from './record'

const asInputs = (reports: readonly Report[], prefix = ''): UnitInput[] =>
  reports.map((report, i) => ({ id: `${prefix}${i}`, source: `${i}.xlsx`, report }))

it('aggregate of 300 units', async () => {
  const reports = Array.from({ length: 300 }, (_, i) => unitReport(i))
  const inputs = asInputs(reports)
  // Cold: every unit validated on the way (fresh report objects each run).
  let cold = 0
  const coldRuns: number[] = []
  for (let run = 0; run < 5; run++) {
    const fresh = asInputs(reports.map((r) => structuredClone(r)))
    const start = performance.now()
    cold = aggregate(fresh).units.filter((u) => u.included).length
    coldRuns.push(performance.now() - start)
  }
  expect(cold).toBe(300)
  coldRuns.sort((a, b) => a - b)
  record(
    'aggregate 300 units, each validated on the way (median of 5)',
    coldRuns[2]!,
    'ms',
    'validate ≈ all of it',
  )
  const sumOnly: number[] = []
  for (let run = 0; run < 5; run++) {
    const fresh = asInputs(reports.map((r) => structuredClone(r)))
    const start = performance.now()
    aggregate(fresh, { validateUnits: false })
    sumOnly.push(performance.now() - start)
  }
  sumOnly.sort((a, b) => a - b)
  record(
    'aggregate 300 units, fresh objects, summing only (median of 5)',
    sumOnly[2]!,
    'ms',
    'budget 50 ms',
  )
  // Warm: units validated when their files arrived (as the view does); a toggle re-sums.
  for (const r of reports) unitFindings(r)
  const warm = await medianMs(() => aggregate(inputs, { include: { '7': false } }), 50, 5)
  record(
    'aggregate 300 units, already validated (median of 50)',
    warm,
    'ms',
    'budget 50 ms; what the view pays per include/exclude',
  )
  const result = aggregate(inputs)
  let licensing = 0
  for (let i = 0; i < 300; i++) licensing += unitFigures(i).licensing
  expect(result.report!.cells['t2.licensing.decisions']).toBe(licensing)
})

it('10,000 reports summed level by level', () => {
  const COUNTIES = 100
  const PER_COUNTY = 100
  const units = Array.from({ length: COUNTIES * PER_COUNTY }, (_, i) =>
    unitReport(i, 2024, `第${Math.floor(i / PER_COUNTY)}县`),
  )
  const start = performance.now()
  const counties: Report[] = []
  for (let c = 0; c < COUNTIES; c++) {
    const slice = units.slice(c * PER_COUNTY, (c + 1) * PER_COUNTY)
    const { report } = aggregate(asInputs(slice, `${c}-`), {
      agencyName: `第${c}县人民政府`,
      validateUnits: false,
    })
    counties.push(report!)
  }
  const cities: Report[] = []
  for (let m = 0; m < 10; m++) {
    const { report } = aggregate(asInputs(counties.slice(m * 10, m * 10 + 10), `m${m}-`), {
      agencyName: `第${m}市人民政府`,
      level: 'prefecture',
      validateUnits: false,
    })
    cities.push(report!)
  }
  const province = aggregate(asInputs(cities, 'p-'), {
    agencyName: '示例省人民政府',
    level: 'provincial',
    validateUnits: false,
  })
  const elapsed = performance.now() - start
  let licensing = 0
  for (let i = 0; i < units.length; i++) licensing += unitFigures(i).licensing
  expect(province.report!.cells['t2.licensing.decisions']).toBe(licensing)
  record(
    '10,000 reports summed: units → 100 counties → 10 cities → province',
    elapsed,
    'ms',
    'budget 1 s; summing only (each unit validated where it was read)',
  )
  // The same with every level validating what it sums.
  const t0 = performance.now()
  for (let c = 0; c < 10; c++) {
    aggregate(
      asInputs(units.slice(c * PER_COUNTY, (c + 1) * PER_COUNTY).map((r) => structuredClone(r))),
    )
  }
  record(
    'validate + sum per unit (1,000 units, 10 counties)',
    (performance.now() - t0) / 1000,
    'ms per unit',
    'the validation a county office pays as its files arrive',
  )
})
