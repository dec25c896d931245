// @vitest-environment jsdom
/**
 * The 汇总 view's state: files finishing in any order are listed in the order chosen (so the
 * earlier of two duplicates is the one kept), progress counts every file, a toggle re-sums.
 */
import { effectScope } from 'vue'
import { expect, test, vi } from 'vitest'
import type { ImportOutcome } from '../../src/domain'
import { summarizeExact } from '../../src/domain'
import { unitReport } from '../fixtures/units'

vi.mock('../../src/io/excel/pool', () => ({
  // Answers the files last to first, as a slow first file in a pool would.
  async readFiles(
    files: readonly File[],
    { onOutcome }: { onOutcome: (i: number, o: ImportOutcome) => void },
  ) {
    for (let i = files.length - 1; i >= 0; i--) {
      await new Promise((r) => setTimeout(r, 5))
      const n = Number(files[i]!.name.match(/\d+/)![0])
      onOutcome(i, { ok: true, result: summarizeExact(unitReport(n)) })
    }
  },
}))

const { useAggregation } = await import('../../src/components/aggregate/useAggregation')

test('units in the order chosen, duplicates resolved to the earlier file, progress to the end', async () => {
  const scope = effectScope()
  const agg = scope.run(() => useAggregation())!
  const files = [1, 2, 3, 2].map((n, i) => new File(['x'], `单位${n}-${i}.xlsx`))
  await agg.addFiles(files)
  expect(agg.done.value).toBe(4)
  expect(agg.total.value).toBe(4)
  expect(agg.reading.value).toBe(false)
  const units = agg.result.value.units
  expect(units.map((u) => [u.source, u.status])).toEqual([
    ['单位1-0.xlsx', 'ok'],
    ['单位2-1.xlsx', 'ok'],
    ['单位3-2.xlsx', 'ok'],
    ['单位2-3.xlsx', 'duplicate'],
  ])
  // 行政许可 10 + i: 11 + 12 + 13.
  expect(agg.result.value.report!.cells['t2.licensing.decisions']).toBe(36)
  agg.setIncluded(units[0]!.id, false)
  expect(agg.result.value.report!.cells['t2.licensing.decisions']).toBe(25)
  agg.clear()
  expect(agg.result.value.units).toEqual([])
  scope.stop()
})
