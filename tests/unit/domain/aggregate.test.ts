/**
 * 汇总 on three small hand-made units: every sum below is computed by hand from the figures
 * written here, not by the code under test. Then every bad case, each listed with its reason.
 */
import { describe, expect, it } from 'vitest'
import {
  agencyNameFromFileName,
  aggregate,
  checkAgainstUnits,
  importGrids,
  createReport,
  formatOf,
  gov2019,
  gov2021,
  listCells,
  unitFromImport,
  unitsBehind,
  validate,
  type Report,
  type UnitInput,
} from '../../../src/domain'
import { withRows } from '../../../src/domain/samples/fill'
import { table3 } from '../import/officialSheets'

/** Every input cell 0, then the given rows (part cells in column order), totals computed. */
function unit(name: string, rows: Record<string, number[]>, year = 2024): Report {
  const report = createReport({
    agencyName: name,
    agencyKind: 'department',
    level: 'county',
    year,
    scope: 'self',
  })
  for (const c of listCells(formatOf(report))) report.cells[c.id] = 0
  return withRows(report, rows)
}

// Table 三 columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他.
const A = () =>
  unit('甲县市场监督管理局', {
    't2.normativeDocs': [1, 0, 5],
    't2.licensing': [10],
    't2.penalty': [4],
    't2.fees': [0.1234],
    't3.newReceived': [3, 1, 0, 0, 0, 0],
    't3.carriedIn': [1, 0, 0, 0, 0, 0],
    't3.disclosed': [2, 1, 0, 0, 0, 0],
    't3.unable.notHeld': [1, 0, 0, 0, 0, 0],
    't3.carriedOver': [1, 0, 0, 0, 0, 0],
    't4.review': [1, 0, 0, 0],
  })
const B = () =>
  unit('甲县交通运输局', {
    't2.normativeDocs': [2, 1, 7],
    't2.licensing': [20],
    't2.fees': [0.2],
    't3.newReceived': [5, 0, 0, 0, 0, 0],
    't3.disclosed': [4, 0, 0, 0, 0, 0],
    't3.partlyDisclosed': [1, 0, 0, 0, 0, 0],
    't4.review': [0, 1, 0, 1],
  })
function C() {
  const report = unit('甲县教育局', {
    't2.normativeDocs': [0, 0, 3],
    't2.penalty': [6],
    't2.fees': [1.5],
    't3.newReceived': [0, 2, 0, 0, 0, 0],
    't3.withheld.stateSecret': [0, 1, 0, 0, 0, 0],
    't3.notProcessed.petition': [0, 1, 0, 0, 0, 0],
  })
  // Table 四 left blank by this unit.
  for (const c of listCells(gov2021)) if (c.tableKey === 't4') report.cells[c.id] = null
  return report
}

const input = (id: string, report: Report, source = `${report.meta.agencyName}.xlsx`) =>
  ({ id, source, report, yearKnown: true }) satisfies UnitInput

describe('aggregate: three small units', () => {
  const units = [input('a', A()), input('b', B()), input('c', C())]

  it('the hand-made units are clean (no errors) so all three are summed', () => {
    for (const u of units)
      expect(validate(u.report).filter((f) => f.severity === 'error')).toEqual([])
    const { units: out } = aggregate(units)
    expect(out.map((u) => [u.id, u.status, u.included])).toEqual([
      ['a', 'ok', true],
      ['b', 'ok', true],
      ['c', 'ok', true],
    ])
  })

  it('sums table 二 counts, decisions and fees, and tables 三 and 四 cell by cell', () => {
    const { report } = aggregate(units, { agencyName: '甲县人民政府', level: 'county' })
    expect(report).not.toBeNull()
    const cells = report!.cells
    expect(report!.meta).toMatchObject({
      agencyName: '甲县人民政府',
      agencyKind: 'government',
      year: 2024,
      scope: 'aggregate',
    })
    // 1+2+0, 0+1+0, 5+7+3
    expect(cells['t2.normativeDocs.issued']).toBe(3)
    expect(cells['t2.normativeDocs.repealed']).toBe(1)
    expect(cells['t2.normativeDocs.inForce']).toBe(15)
    expect(cells['t2.licensing.decisions']).toBe(30) // 10 + 20 + 0
    expect(cells['t2.penalty.decisions']).toBe(10) // 4 + 0 + 6
    expect(cells['t2.fees.amount']).toBe(1.8234) // 0.1234 + 0.2 + 1.5, exactly
    expect(cells['t3.newReceived.naturalPerson']).toBe(8) // 3 + 5
    expect(cells['t3.newReceived.business']).toBe(3) // 1 + 2
    expect(cells['t3.newReceived.total']).toBe(11)
    expect(cells['t3.carriedIn.naturalPerson']).toBe(1)
    expect(cells['t3.disclosed.naturalPerson']).toBe(6) // 2 + 4
    expect(cells['t3.disclosed.business']).toBe(1)
    expect(cells['t3.partlyDisclosed.naturalPerson']).toBe(1)
    expect(cells['t3.withheld.stateSecret.business']).toBe(1)
    expect(cells['t3.unable.notHeld.naturalPerson']).toBe(1)
    expect(cells['t3.notProcessed.petition.business']).toBe(1)
    expect(cells['t3.resultTotal.naturalPerson']).toBe(8) // 2+1 (A) + 4+1 (B)
    expect(cells['t3.resultTotal.total']).toBe(11)
    expect(cells['t3.carriedOver.naturalPerson']).toBe(1)
    expect(cells['t3.research.naturalPerson' as string]).toBeUndefined()
    expect(cells['t3.newReceived.research']).toBe(0)
    // Table 四: C left it blank, so A + B only.
    expect(cells['t4.review.upheld']).toBe(1)
    expect(cells['t4.review.corrected']).toBe(1)
    expect(cells['t4.review.pending']).toBe(1)
    expect(cells['t4.review.total']).toBe(3) // 1 + 2
    expect(cells['t4.litigationDirect.total']).toBe(0)
    // Summed totals agree with their parts: the region's tables stay computed.
    expect(report!.totalsMode).toEqual({ t2: 'computed', t3: 'computed', t4: 'computed' })
    expect(report!.narrative.other).toBe(
      '本报告表二至表四的数据由以下 3 个单位的年度报告汇总：甲县市场监督管理局、甲县交通运输局、甲县教育局。',
    )
    // The sum balances like its parts: no T3-BALANCE on the region.
    expect(validate(report!).filter((f) => f.ruleId === 'T3-BALANCE')).toEqual([])
  })

  it('a cell is blank only when blank in every unit; units with blanks in a summed cell are listed', () => {
    const a = A()
    const b = B()
    const c = C()
    a.cells['t3.newReceived.otherOrg'] = null
    b.cells['t3.newReceived.otherOrg'] = null
    c.cells['t3.newReceived.otherOrg'] = null
    const result = aggregate([input('a', a), input('b', b), input('c', c)])
    expect(result.report!.cells['t3.newReceived.otherOrg']).toBeNull()
    expect(result.blanksByCell.has('t3.newReceived.otherOrg')).toBe(false)
    expect(result.blanksByCell.get('t4.review.upheld')).toEqual(['c'])
    const unitC = result.units.find((u) => u.id === 'c')!
    expect(unitC.blankCells).toHaveLength(15) // the whole of table 四
    const problem = result.problems.find((p) => p.unitId === 'c')!
    expect(problem.message).toContain(
      '“甲县教育局”（甲县教育局.xlsx）有 15 个栏目空白而其他单位有数，按 0 汇总',
    )
    expect(problem.message).toContain('“表四 行政复议 结果维持”')
    expect(problem.cells).toContain('t4.litigationAfterReview.total')
  })

  it('X-AGG: a region report is checked cell by cell against the sum of the units', () => {
    const result = aggregate(units)
    expect(checkAgainstUnits(result.report!, result)).toEqual([])
    const region = structuredClone(result.report!)
    region.cells['t3.disclosed.naturalPerson'] = 5 // sum is 6
    region.cells['t4.review.upheld'] = null // sum is 1
    region.cells['t2.fees.amount'] = 1.8 // sum is 1.8234
    const findings = checkAgainstUnits(region, result)
    expect(findings.map((f) => [f.ruleId, f.severity, f.cells])).toEqual([
      ['X-AGG', 'error', ['t2.fees.amount']],
      ['X-AGG', 'error', ['t3.disclosed.naturalPerson']],
      ['X-AGG', 'error', ['t4.review.upheld']],
    ])
    expect(findings[1]!.message).toBe(
      '表三 三、本年度办理结果 （一）予以公开 · 自然人：本报告填 5，3 个单位合计 6，相差 1',
    )
    expect(findings[0]!.message).toContain('相差 0.0234')
    expect(findings[2]!.message).toBe(
      '表四 行政复议 结果维持：本报告填 空白，3 个单位合计 1；此栏空白的单位：“甲县教育局”',
    )
    // A region report of another year cannot be checked cell by cell: one info says so.
    const other = unit('甲县人民政府', {}, 2023)
    expect(checkAgainstUnits(other, result).map((f) => [f.ruleId, f.severity])).toEqual([
      ['X-AGG', 'info'],
    ])
  })

  it('names the units behind a finding of the summed report', () => {
    const a = A()
    a.cells['t3.carriedOver.naturalPerson'] = 2 // A no longer balances: 3 + 1 ≠ 3 + 2
    const result = aggregate([input('a', a), input('b', B()), input('c', C())], {
      include: { a: true },
    })
    // One mistake, one finding: the wrong part of the row is reported as T3-ROWSUM alone.
    const rowSum = validate(result.report!).find((f) => f.ruleId === 'T3-ROWSUM')!
    expect(rowSum.cells[0]).toBe('t3.carriedOver.naturalPerson')
    expect(unitsBehind(rowSum, result).map((u) => u.id)).toEqual(['a'])
  })
})

describe('aggregate: every bad case listed with its reason', () => {
  const broken = () => {
    const r = B()
    r.meta.agencyName = '甲县财政局'
    // Total not updated: T3-ROWSUM names this cell (5 + 0 ≠ 5 + 3 is the same mistake, not repeated)
    r.cells['t3.carriedOver.naturalPerson'] = 3
    return r
  }
  const inputs = (): UnitInput[] => [
    input('a', A()),
    input('b', B()),
    input('c', C()),
    { id: 'corrupt', source: '乙镇.xlsx', error: '无法读取这个文件：它已损坏。' },
    { id: 'nonreport', source: '通讯录.xlsx', error: '没有在文件中找到年度报告的表格。' },
    input('old', unit('甲县民政局', { 't2.licensing': [99] }, 2023)),
    input('sameName', A(), '甲县市场监督管理局（第二版）.xlsx'),
    input('sameCells', { ...B(), meta: { ...B().meta, agencyName: '甲县交通局' } }),
    input('errors', broken()),
  ]

  it('sums only the clean units and lists every other one with its reason', () => {
    const result = aggregate(inputs())
    const byId = Object.fromEntries(result.units.map((u) => [u.id, u]))
    expect(result.units.map((u) => [u.id, u.status, u.included])).toEqual([
      ['a', 'ok', true],
      ['b', 'ok', true],
      ['c', 'ok', true],
      ['corrupt', 'unreadable', false],
      ['nonreport', 'unreadable', false],
      ['old', 'otherYear', false],
      ['sameName', 'duplicate', false],
      ['sameCells', 'duplicate', false],
      ['errors', 'errors', false],
    ])
    expect(byId.corrupt!.reason).toBe('无法读取这个文件：它已损坏。')
    expect(byId.old!.reason).toBe('这是 2023 年度的报告，本次汇总的是 2024 年度')
    // Refused for its year, still checked: the table shows its findings too.
    expect(byId.old!.findings).toEqual(validate(inputs()[5]!.report!))
    expect(byId.old!.findings.length).toBeGreaterThan(0)
    expect(byId.corrupt!.findings).toEqual([])
    expect(byId.sameName!.reason).toBe(
      '与“甲县市场监督管理局”（甲县市场监督管理局.xlsx）机关名称相同，疑似同一单位的重复文件',
    )
    expect(byId.sameName!.duplicateOf).toBe('a')
    expect(byId.sameCells!.reason).toContain('各表数字完全相同')
    expect(byId.sameCells!.duplicateOf).toBe('b')
    expect(byId.errors!.reason).toBe('校验有 1 个错误（T3-ROWSUM），默认不汇总（可勾选后计入）')
    expect(byId.errors!.findings.some((f) => f.ruleId === 'T3-ROWSUM')).toBe(true)
    // Same sums as the three clean units alone.
    expect(result.report!.cells['t2.licensing.decisions']).toBe(30)
    expect(result.report!.cells['t3.newReceived.naturalPerson']).toBe(8)
    const messages = result.problems.map((p) => p.message)
    for (const id of ['corrupt', 'nonreport', 'old', 'sameName', 'sameCells', 'errors']) {
      expect(result.problems.some((p) => p.unitId === id && p.message.includes('未计入汇总'))).toBe(
        true,
      )
    }
    expect(messages).toContain(
      '“通讯录.xlsx”未计入汇总（无法识别）：没有在文件中找到年度报告的表格。',
    )
  })

  it('a unit with errors or a duplicate can be included on purpose, and it says so', () => {
    const result = aggregate(inputs(), { include: { errors: true, sameName: true, a: false } })
    // B + C + broken B (5) + A copy: natural persons 5 + 0 + 5 + 3 = 13
    expect(result.report!.cells['t3.newReceived.naturalPerson']).toBe(13)
    expect(result.report!.cells['t3.carriedOver.naturalPerson']).toBe(1 + 3)
    const messages = result.problems.map((p) => p.message)
    expect(messages).toContain(
      '“甲县财政局”（甲县财政局.xlsx）已按要求计入汇总，但它有错误：校验有 1 个错误（T3-ROWSUM），默认不汇总（可勾选后计入）',
    )
    expect(messages).toContain(
      '“甲县市场监督管理局”（甲县市场监督管理局.xlsx）未计入汇总（可汇总）：已手动排除',
    )
    // Units of another year or unreadable ones cannot be forced in.
    const forced = aggregate(inputs(), { include: { old: true, corrupt: true } })
    expect(forced.units.find((u) => u.id === 'old')!.included).toBe(false)
    expect(forced.report!.cells['t2.licensing.decisions']).toBe(30)
  })

  it('the region year is the year most units have; a file without a year takes it', () => {
    const noYear: UnitInput = {
      ...input('x', unit('甲县水利局', { 't2.licensing': [7] }, 2021)),
      yearKnown: false,
    }
    const result = aggregate([...inputs(), noYear])
    expect(result.report!.meta.year).toBe(2024)
    const x = result.units.find((u) => u.id === 'x')!
    expect(x.status).toBe('ok')
    expect(x.notes).toContain('文件中没有写明报告年度，按 2024 年度汇总')
    expect(result.report!.cells['t2.licensing.decisions']).toBe(37)
    // Asked for 2023: only the 2023 unit is summed.
    const y2023 = aggregate(inputs(), { year: 2023 })
    expect(y2023.report!.cells['t2.licensing.decisions']).toBe(99)
    expect(y2023.units.find((u) => u.id === 'a')!.status).toBe('otherYear')
  })

  it('nothing readable: no report, every file listed', () => {
    const result = aggregate(inputs().filter((u) => !u.report))
    expect(result.report).toBeNull()
    expect(result.problems).toHaveLength(2)
  })
})

describe('aggregate: a 2019-layout unit of a 2021+ year', () => {
  /** A 2024 report filled in the old (2019) layout, as read from an old provincial template. */
  function oldLayout(): Report {
    const r = createReport({
      agencyName: '甲县农业农村局',
      agencyKind: 'department',
      level: 'county',
      year: 2020,
      scope: 'self',
    })
    for (const c of listCells(gov2019)) r.cells[c.id] = 0
    r.cells['t2.normativeDocs.made'] = 2
    r.cells['t2.normativeDocs.publishedTotal'] = 40
    r.cells['t2.licensing.decisions'] = 5
    r.cells['t2.licensing.itemsLastYear'] = 12
    return { ...r, meta: { ...r.meta, year: 2024 } }
  }

  it('is migrated, summed, and the figures with no place in 2021 are listed', () => {
    const result = aggregate([input('a', A()), input('old', oldLayout())])
    const old = result.units.find((u) => u.id === 'old')!
    expect(old.formatId).toBe('gov2019')
    expect(old.included).toBe(true)
    expect(result.report!.cells['t2.licensing.decisions']).toBe(15) // 10 + 5
    expect(result.report!.cells['t2.normativeDocs.issued']).toBe(3) // 1 + 2 (本年新制作)
    expect(result.report!.cells['t2.normativeDocs.inForce']).toBe(5) // 对外公开总数量 is not 现行有效
    expect(old.notes[0]).toBe('表格是国办公开办函〔2019〕60号的旧格式，已按 2021 年格式换算后汇总')
    expect(old.notes[1]).toContain('未计入：')
    expect(old.notes[1]).toContain('表二 规范性文件 · 对外公开总数量')
    expect(old.notes[1]).toContain('表二 行政许可 · 上一年项目数量')
  })

  it('or refused clearly when migration is turned off', () => {
    const result = aggregate([input('a', A()), input('old', oldLayout())], { migrate2019: false })
    const old = result.units.find((u) => u.id === 'old')!
    expect(old.status).toBe('unreadable')
    expect(old.reason).toBe(
      '表格是国办公开办函〔2019〕60号的旧格式，2024 年度应使用国办公开办函〔2021〕30号格式，未汇总',
    )
    expect(result.report!.cells['t2.licensing.decisions']).toBe(10)
  })
})

describe('unitFromImport', () => {
  it('a sheet without a title: name from the file, year taken from the region', () => {
    expect(agencyNameFromFileName('示例县教育局2024年政府信息公开工作年度报告（定稿）.xlsx')).toBe(
      '示例县教育局',
    )
    const rows = table3(2021, (k) => (k === 1 || k === 7 ? '4' : '0')).map((r) => [...r])
    const outcome = importGrids([{ name: '表三', rows, merges: [] }])
    const unit = unitFromImport('7', '示例县教育局.csv', outcome)
    expect(unit.yearKnown).toBe(false)
    expect(unit.report!.meta.agencyName).toBe('示例县教育局')
    // Only table 三 row 一 is filled (4 received, nothing handled): T3-BALANCE, so it is summed
    // only when ticked on purpose.
    const result = aggregate([input('a', A()), unit], { include: { '7': true } })
    const read = result.units.find((u) => u.id === '7')!
    expect(read.status).toBe('errors')
    expect(read.notes).toContain('文件中没有写明报告年度，按 2024 年度汇总')
    // 自然人 3 (A) + 4; 总计 4 (A) + 4.
    expect(result.report!.cells['t3.newReceived.naturalPerson']).toBe(7)
    expect(result.report!.cells['t3.newReceived.total']).toBe(8)
  })

  it('keeps the error of a file that could not be read', () => {
    expect(unitFromImport('1', '坏.xlsx', { ok: false, error: '已损坏' })).toEqual({
      id: '1',
      source: '坏.xlsx',
      error: '已损坏',
    })
  })
})
