import { describe, expect, it } from 'vitest'
import {
  createReport,
  dataSheetToRaw,
  importGrids,
  neutraliseFormula,
  planImport,
  planLastYear,
  reportFromImport,
  reportToDataRows,
  undoNeutralise,
  type Grid,
  type ImportResult,
  type Report,
} from '../../../src/domain'
import { seedReport } from '../../fixtures/seed2020'
import { grid, table2, table3 } from './officialSheets'

const asGrid = (report: Report): Grid =>
  grid(
    '数据',
    reportToDataRows(report).map((row) => row.map((v) => (v === null ? '' : String(v)))),
  )

const draft2021 = () =>
  createReport({
    agencyName: '示例县司法局',
    agencyKind: 'department',
    level: 'county',
    year: 2021,
    scope: 'self',
  })

function importedOk(grids: Grid[]): ImportResult {
  const outcome = importGrids(grids)
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.result
}

describe('formula neutralisation', () => {
  it.each(['=1+1', '+86', '-3', '@x', "'=a", "'plain", 'plain', '', '\t='])(
    'undoes exactly: %s',
    (text) => expect(undoNeutralise(neutraliseFormula(text))).toBe(text),
  )
  it('prefixes dangerous text only', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`)
    expect(neutraliseFormula('正文')).toBe('正文')
  })
})

describe('data sheet', () => {
  it('brings our own report back exactly, narrative, meta and blanks included', () => {
    const report = seedReport()
    report.narrative.other = '=SUM(A1)\n第二行  带空格 '
    report.cells['t2.regulations.made'] = null
    report.totalsMode.t3 = 'manual'
    const result = importedOk([grid('说明', [['本表由年报助手导出']]), asGrid(report)])
    expect(result.source).toBe('exact')
    expect(result.report).toEqual(report)
  })

  it('splits narrative longer than an Excel cell over several rows', () => {
    const report = draft2021()
    report.narrative.overview = '长'.repeat(70_000)
    const rows = reportToDataRows(report).filter((r) => r[0] === 'narrative.overview')
    expect(rows.map((r) => String(r[1]).length)).toEqual([30_000, 30_000, 10_000])
    expect(importedOk([asGrid(report)]).report).toEqual(report)
  })

  it('refuses data saved by a newer version with restoreReport’s sentence', () => {
    const rows = asGrid(draft2021()).rows.map((r) => (r[0] === 'schemaVersion' ? [r[0], '99'] : r))
    expect(importGrids([grid('数据', rows)])).toEqual({
      ok: false,
      error: '这份数据由更新版本的年报助手保存（数据版本 99），请使用新版本打开。',
    })
  })

  it('ignores prototype keys in a tampered sheet', () => {
    const rows = [...asGrid(draft2021()).rows, ['__proto__', '1'], ['meta.__proto__', 'x']]
    const raw = dataSheetToRaw(grid('数据', rows)) as { meta: object }
    expect(Object.getPrototypeOf(raw.meta)).toBe(Object.prototype)
    expect(importedOk([grid('数据', rows)]).report).toEqual(draft2021())
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('planImport', () => {
  it('merges recognised cells of the same layout into the draft, leaving the draft object alone', () => {
    const current = draft2021()
    current.cells['t2.regulations.issued'] = 5
    const before = structuredClone(current)
    const result = importedOk([
      grid(
        '表三',
        table3(2021, () => '1'),
      ),
    ])
    const plan = planImport(result, current)
    expect(current).toEqual(before)
    expect(plan.mode).toBe('merge')
    expect(plan.report.cells['t2.regulations.issued']).toBe(5)
    expect(plan.report.cells['t3.disclosed.naturalPerson']).toBe(1)
    // Every 总计 in the sheet is 1 too, which disagrees with its parts: keep them, manual totals.
    expect(plan.report.totalsMode).toEqual({ t2: 'computed', t3: 'manual', t4: 'computed' })
    expect(plan.changedCells).toBe(175)
    expect(plan.changes).toEqual([
      '表三：175 个单元格将改变。',
      '表三：文件中的合计与分项之和不一致，保留文件中的合计（改为手动填写合计）。',
    ])
  })

  it('keeps computed totals when the file’s totals add up', () => {
    const zeros = importedOk([
      grid(
        '表三',
        table3(2021, () => '0'),
      ),
    ])
    expect(planImport(zeros, draft2021()).report.totalsMode.t3).toBe('computed')
  })

  it('replaces the draft with a report of another layout and says so', () => {
    const result = importedOk([
      grid(
        '表三',
        table3(2019, () => '0'),
      ),
    ])
    const plan = planImport(result, draft2021())
    expect(plan.mode).toBe('replace')
    expect(plan.report.formatId).toBe('gov2019')
    expect(plan.report.meta).toMatchObject({ year: 2020, agencyName: '示例县司法局' })
    expect(plan.changes[0]).toBe(
      '将以导入的 2020 年报告（国办公开办函〔2019〕60号格式）替换当前的 2021 年草稿。',
    )
  })

  it('builds last year’s report in the year the file names', () => {
    const result = importedOk([
      grid('s', [['某局2020年政府信息公开工作年度报告'], ...table3(2019, () => '0')]),
    ])
    const report = reportFromImport(result, draft2021().meta, 2021)
    expect(report.meta).toMatchObject({ year: 2020, agencyName: '某局' })
  })

  it('with no draft open, plans a new draft for last year', () => {
    const result = importedOk([
      grid(
        '表三',
        table3(2021, () => '0'),
      ),
    ])
    const plan = planImport(result, null, new Date(2026, 0, 10))
    expect(plan.mode).toBe('new')
    expect(plan.report.meta.year).toBe(2025)
    expect(plan.changes).toEqual(['将新建一份 2025 年报告草稿。'])
  })
})

describe('planLastYear', () => {
  it('reads the file as the year before the draft and lists what 2019 → 2021 cannot map', () => {
    const result = importedOk([
      grid(
        '表二',
        table2(2019, () => '1'),
      ),
      grid(
        '表三',
        table3(2019, () => '0'),
      ),
    ])
    const plan = planLastYear(result, draft2021())
    expect(plan.report.meta).toMatchObject({ year: 2020, agencyName: '示例县司法局' })
    expect(plan.report.formatId).toBe('gov2019')
    expect(plan.notes[0]).toMatch(
      /^以下2019年格式栏目在2021年格式中没有对应栏目，不会带入新年度：表二 规章 · 本年新公开数量、/,
    )
    expect(plan.notes[0]).toContain('表二 政府集中采购 · 采购总金额')
    // Without table 二 in the file nothing is lost.
    const onlyT3 = planLastYear(
      importedOk([
        grid(
          '表三',
          table3(2019, () => '0'),
        ),
      ]),
      draft2021(),
    )
    expect(onlyT3.notes.some((n) => n.startsWith('以下2019年格式栏目'))).toBe(false)
  })

  it('warns when the file is not the year before the draft', () => {
    const result = importedOk([
      grid('s', [['某局2019年政府信息公开工作年度报告'], ...table3(2019, () => '0')]),
    ])
    expect(planLastYear(result, draft2021()).notes[0]).toBe(
      '文件是 2019 年的报告，不是当前草稿（2021 年）的上一年度，跨年度校验的结果请谨慎看待。',
    )
  })
})

describe('an import whose totals would pass 2^53 − 1', () => {
  it('cannot be confirmed, and the preview says which total', () => {
    // 一、本年新收: 自然人 2^52 + 商业企业 2^52 = 2^53 in its 总计 (left blank in the file).
    const values = (k: number) => (k === 1 || k === 2 ? String(2 ** 52) : k === 7 ? '' : '0')
    const result = importedOk([grid('表三', table3(2021, values))])
    expect(planImport(result, null).refused).toBe(
      '“表三 一、本年新收政府信息公开申请数量 · 总计”的合计将超过可精确计算的最大整数（9007199254740991），无法准确显示，请核对',
    )
    const fits = importedOk([
      grid(
        '表三',
        table3(2021, (k) => (k === 1 ? String(2 ** 52) : k === 7 ? '' : '0')),
      ),
    ])
    expect(planImport(fits, null).refused).toBeUndefined()
  })
})
