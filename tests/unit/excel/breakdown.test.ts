/**
 * 「导出明细」: the workbook read back — one row per included unit, one column per cell (name, then
 * id), the totals row; figures and sums by hand from the generator.
 */
import * as XLSX from 'xlsx'
import { expect, it } from 'vitest'
import { aggregate, gov2021, listCells, type UnitInput } from '../../../src/domain'
import { BREAKDOWN_SHEET, breakdownWorkbook } from '../../../src/io/excel/breakdown'
import { unitFigures, unitReport } from '../../fixtures/units'

it('writes one row per included unit, one column per cell and the totals row', async () => {
  const units: UnitInput[] = [1, 2, 3].map((i) => ({
    id: String(i),
    source: `第${i}单位.xlsx`,
    report: unitReport(i),
  }))
  units.push({ id: '9', source: '坏.xlsx', error: '已损坏' })
  const bytes = await breakdownWorkbook(aggregate(units))
  const book = XLSX.read(bytes!, { type: 'array' })
  expect(book.SheetNames).toEqual([BREAKDOWN_SHEET])
  const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets[BREAKDOWN_SHEET]!, {
    header: 1,
    defval: null,
  })
  const cellCount = listCells(gov2021).length
  expect(rows).toHaveLength(2 + 3 + 1)
  expect(rows[0]!.slice(0, 4)).toEqual(['机关名称', '文件', '状态', '表二 规章 · 本年制发件数'])
  expect(rows[1]![3]).toBe('t2.regulations.issued')
  expect(rows[0]).toHaveLength(3 + cellCount)
  expect(rows.slice(2, 5).map((r) => r.slice(0, 3))).toEqual([
    ['示例县第1单位', '第1单位.xlsx', '可汇总'],
    ['示例县第2单位', '第2单位.xlsx', '可汇总'],
    ['示例县第3单位', '第3单位.xlsx', '可汇总'],
  ])
  const licensing = rows[1]!.indexOf('t2.licensing.decisions')
  expect(rows.slice(2, 5).map((r) => r[licensing])).toEqual([11, 12, 13])
  expect(rows[5]!.slice(0, 2)).toEqual(['合计', '3 个单位'])
  expect(rows[5]![licensing]).toBe(11 + 12 + 13)
  const fees = rows[1]!.indexOf('t2.fees.amount')
  expect(rows[5]![fees]).toBe(unitFigures(1).fees + unitFigures(2).fees + unitFigures(3).fees)
  expect(rows[5]![fees]).toBe(0.25 + 0.5 + 0.75)
})

it('nothing to export when no year can be told', async () => {
  expect(
    await breakdownWorkbook(aggregate([{ id: '1', source: 'x.xlsx', error: '坏' }])),
  ).toBeNull()
})
