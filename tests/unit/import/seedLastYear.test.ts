import { describe, expect, it } from 'vitest'
import {
  carryInto,
  carryOver,
  createReport,
  exampleReport,
  importGrids,
  migrate2019to2021,
  reportFromImport,
  type Grid,
} from '../../../src/domain'
import { seedReport } from '../../fixtures/seed2020'
import { APPLICANT_KEYS } from '../domain/handTyped'
import { table2, table3, table4, type Rows, type ValueOf } from './officialSheets'

/** How the seed prints its labels: half-width brackets with a space, 社会组织, wrapped words. */
const asPrinted = (rows: Rows): Rows =>
  rows.map((row) =>
    row.map((text) =>
      text
        .replace(/（([一二三四五六七])）/, '($1) ')
        .replace(
          '（区分处理的，只计这一情形，不计其他情形）',
          ' (区分处理的, 只计这一情形, 不计其他情形)',
        )
        .replace(/^（本列/, '(本列')
        .replace(/）$/, ')')
        .replace('无法提供', '无法 提供')
        .replace('不予处理', '不予 处理')
        .replace('相关政府信息', '相关 政府信息')
        .replace(/^结果(维持|纠正)$/, '结果 $1'),
    ),
  )

/** The seed report as a colleague keeps it: one sheet, title, narrative under headings, tables. */
function seedWorkbook(value: ValueOf = () => '0'): Grid {
  const seed = seedReport()
  const paragraphs = (text: string) => text.split('\n').map((p) => [p])
  const rows: Rows = [
    ['乐清市新居民服务中心政府信息公开工作 年度报告'],
    ['一、总体情况'],
    ...paragraphs(seed.narrative.overview),
    ['二、主动公开政府信息情况'],
    ...table2(2019, () => '0'),
    ['三、收到和处理政府信息公开申请情况'],
    ...asPrinted(table3(2019, value, '社会组织')),
    ['四、政府信息公开行政复议、行政诉讼情况'],
    ...asPrinted(table4(() => '0')),
    ['五、存在的主要问题及改进情况'],
    ...paragraphs(seed.narrative.problems),
    ['六、其他需要报告的事项'],
    ...paragraphs(seed.narrative.other),
    [],
    [],
    ['乐清市新居民服务中心'],
    ['2021年1月5日'],
  ]
  return { name: '2020年报', rows, merges: [] }
}

function draft2021() {
  const meta = { ...seedReport().meta, year: 2021 }
  delete meta.issuedOn
  return createReport(meta)
}

describe('the seed report as last year', () => {
  it('imports from a colleague’s 2019-layout sheet exactly as the seed', () => {
    const outcome = importGrids([seedWorkbook()])
    if (!outcome.ok) throw new Error(outcome.error)
    const { result } = outcome
    expect(result.formatId).toBe('gov2019')
    expect(result.tables.map((t) => t.located)).toEqual([22, 161, 15])
    expect(result.looseMatches).toEqual([])
    expect(result.rejected).toEqual([])
    const lastYear = reportFromImport(result, draft2021().meta, 2020)
    const seed = seedReport()
    expect(lastYear.formatId).toBe('gov2019')
    expect(lastYear.meta.year).toBe(2020)
    expect(lastYear.cells).toEqual(seed.cells)
    expect(lastYear.narrative).toEqual(seed.narrative)
  })

  it('starts a 2021 draft whose 上年结转 equal last year’s 结转下年度', () => {
    // The seed's own 结转下年度 are all 0; a second run uses 2, 1, 0, 0, 0, 1 (总计 4).
    const carried = ['2', '1', '0', '0', '0', '1', '4']
    for (const value of [() => '0', (k: number) => (k > 154 ? carried[k - 155]! : '0')]) {
      const outcome = importGrids([seedWorkbook(value)])
      if (!outcome.ok) throw new Error(outcome.error)
      const lastYear = reportFromImport(outcome.result, draft2021().meta, 2020)
      const { report } = carryOver(lastYear)
      expect(report.formatId).toBe('gov2021')
      expect(report.meta.year).toBe(2021)
      expect(report.meta.agencyName).toBe('乐清市新居民服务中心')
      const columns = [...APPLICANT_KEYS, 'total']
      expect(columns.map((c) => report.cells[`t3.carriedIn.${c}`])).toEqual(
        columns.map((c) => lastYear.cells[`t3.carriedOver.${c}`]),
      )
    }
  })

  it('lists what the 2019 layout cannot bring into 2021', () => {
    const outcome = importGrids([seedWorkbook()])
    if (!outcome.ok) throw new Error(outcome.error)
    const migrated = migrate2019to2021(reportFromImport(outcome.result, draft2021().meta, 2020))
    expect(migrated.report.formatId).toBe('gov2021')
    expect(migrated.unmapped).toContain('t2.procurement.amount')
    expect(migrated.unmapped).toContain('t2.otherServices.decisions')
  })
})

describe('carryInto: filling the open draft of next year', () => {
  it('takes 上年结转 and last year’s meta, keeps the draft’s figures, text and 成文日期', () => {
    const last = exampleReport()
    const open = createReport({
      agencyName: '临时名称',
      agencyKind: 'other',
      level: 'county',
      year: last.meta.year + 1,
      issuedOn: '2027-01-15',
      scope: 'self',
    })
    open.cells['t3.newReceived.naturalPerson'] = 7
    open.narrative.overview = '本年度已写的总体情况。'
    const { report, carried } = carryInto(open, last, new Date(2027, 0, 10))
    expect(report.meta).toEqual({ ...last.meta, year: last.meta.year + 1, issuedOn: '2027-01-15' })
    // Last year's 四 per column (2, 2, 0, 0, 0, 1) becomes this year's 二; its 总计 is 5.
    expect(carried).toHaveLength(6)
    expect(report.cells['t3.carriedIn.naturalPerson']).toBe(2)
    expect(report.cells['t3.carriedIn.total']).toBe(5)
    expect(report.cells['t3.newReceived.naturalPerson']).toBe(7)
    expect(report.narrative.overview).toBe('本年度已写的总体情况。')
  })

  it('refuses a draft of another year', () => {
    const last = exampleReport()
    const open = createReport({ ...last.meta })
    expect(() => carryInto(open, last, new Date(2027, 0, 10))).toThrow(
      '当前草稿是 2025 年度，不是 2026 年度，不能填入',
    )
  })
})
