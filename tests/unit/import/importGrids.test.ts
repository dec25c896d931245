import { describe, expect, it } from 'vitest'
import {
  gov2021,
  importGrids,
  listCells,
  NOT_A_REPORT,
  type FormatSpec,
  type ImportResult,
  type TableKey,
} from '../../../src/domain'
import { grid, offset, spacerColumn, table2, table3, table4, type Rows } from './officialSheets'

function imported(...grids: { name: string; rows: Rows; merges?: never[] }[]): ImportResult {
  const outcome = importGrids(grids.map((g) => ({ merges: [], ...g })))
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.result
}

/** k-th cell of a table in reading order gets k (what the sheet builders write). */
const sequential = (format: FormatSpec, table: TableKey) =>
  Object.fromEntries(
    listCells(format)
      .filter((c) => c.tableKey === table)
      .map((c, i) => [c.id, i + 1]),
  )

describe('importGrids: official tables by their labels', () => {
  it('finds every cell of a 2021 workbook with one table per sheet', () => {
    const result = imported(
      grid('表二', table2(2021)),
      grid('表三', table3(2021)),
      grid('表四', table4()),
    )
    expect(result.formatId).toBe('gov2021')
    expect(result.tables.map((t) => [t.key, t.sheet, t.located, t.total])).toEqual([
      ['t2', '表二', 10, 10],
      ['t3', '表三', 175, 175],
      ['t4', '表四', 15, 15],
    ])
    expect(result.cells).toEqual({
      ...sequential(gov2021, 't2'),
      ...sequential(gov2021, 't3'),
      ...sequential(gov2021, 't4'),
    })
    // Hand-checked positions: row 5 of table 三 (1.属于国家秘密), column 2 (商业企业) = 4·7+2.
    expect(result.cells['t3.withheld.stateSecret.business']).toBe(30)
    expect(result.cells['t3.otherHandling.feeUnpaid.total']).toBe(21 * 7 + 7)
    expect(result.cells['t4.litigationAfterReview.upheld']).toBe(11)
    expect(result.cells['t2.fees.amount']).toBe(10)
    expect(result.looseMatches).toEqual([])
    expect(result.rejected).toEqual([])
    expect(result.missing).toEqual([])
  })

  it('finds the tables anywhere in one sheet: title rows, offsets, spacer columns', () => {
    const rows: Rows = [
      ['示例县交通运输局2022年政府信息公开工作年度报告'],
      ['二、主动公开政府信息情况'],
      ...offset(table2(2021), 1, 1),
      ['三、收到和处理政府信息公开申请情况'],
      ...spacerColumn(offset(table3(2021), 2, 2), 5),
      ['四、政府信息公开行政复议、行政诉讼情况'],
      ['（单位：件）'],
      ...offset(table4(), 0, 3),
    ]
    const result = imported(grid('Sheet1', rows))
    expect(result.year).toBe(2022)
    expect(result.meta).toEqual({ agencyName: '示例县交通运输局' })
    expect(result.tables.map((t) => t.located)).toEqual([10, 175, 15])
    expect(result.cells).toEqual({
      ...sequential(gov2021, 't2'),
      ...sequential(gov2021, 't3'),
      ...sequential(gov2021, 't4'),
    })
  })

  it('accepts printed variants: spaces, line breaks, half-width brackets, 1、, 社会组织', () => {
    const t3 = table3(2021, String, '社会组织').map((row) =>
      row.map((text) =>
        text
          .replace('（一）', '(一) ')
          .replace('商业企业', '商业\n企业')
          .replace(/^1\./, '1、')
          .replace('无法提供', '无法 提供')
          .replace('“三安全一稳定”', '"三安全一稳定"'),
      ),
    )
    const t2 = table2(2021).map((row) => row.map((t) => t.replace('第二十条第', '第二十条 第')))
    const result = imported(grid('a', t2), grid('b', t3))
    expect(result.tables.map((t) => t.located)).toEqual([10, 175, 0])
    expect(result.looseMatches).toEqual([])
    expect(result.cells['t3.disclosed.business']).toBe(16)
    expect(result.cells['t3.withheld.threeSecurities.publicInterest']).toBe(46)
  })

  it('matches small typos by best unique similarity and reports them', () => {
    const t2 = table2(2021).map((row) => row.map((t) => (t === '现行有效件数' ? '现行有效件' : t)))
    const t3 = table3(2021).map((row) =>
      row.map((t) => (t === '2.其他法律行政法规禁止公开' ? '2.其他法律行政止公开' : t)),
    )
    const result = imported(grid('表二', t2), grid('表三', t3))
    expect(result.looseMatches).toEqual([
      { address: '表二!D2', found: '现行有效件', official: '现行有效件数', similarity: 0.83 },
      {
        address: '表三!C9',
        found: '2.其他法律行政止公开',
        official: '2.其他法律行政法规禁止公开',
        similarity: 0.79,
      },
    ])
    expect(result.cells['t2.regulations.inForce']).toBe(3)
    expect(result.cells['t3.withheld.lawProhibited.naturalPerson']).toBe(36)
  })

  it('detects the 2019 layout from table 二 and the single-row （六）', () => {
    const result = imported(grid('x', [...table2(2019), [], ...table3(2019), [], ...table4()]))
    expect(result.formatId).toBe('gov2019')
    expect(result.tables.map((t) => t.located)).toEqual([22, 161, 15])
    expect(result.cells['t2.normativeDocs.made']).toBe(4)
    expect(result.cells['t2.procurement.amount']).toBe(22)
    expect(result.cells['t3.otherHandling.total']).toBe(21 * 7)
    // A 2019 table 三 alone: no 2019-only label in it, the single-row （六） decides.
    expect(imported(grid('y', table3(2019))).formatId).toBe('gov2019')
    expect(imported(grid('z', table3(2021))).formatId).toBe('gov2021')
  })

  it('folds a 2021 （六）其他处理 printed as one row into 3.其他 and says so', () => {
    // 洪泽区 2023: 2021 table 二, table 三 with the 2019-style single （六） row.
    const result = imported(
      grid('表二', table2(2021)),
      grid(
        '表三',
        table3(2019, (k) => (k > 140 && k <= 147 ? '9' : '0')),
      ),
    )
    expect(result.formatId).toBe('gov2021')
    expect(result.cells['t3.otherHandling.otherReason.naturalPerson']).toBe(9)
    expect(result.cells['t3.otherHandling.otherReason.total']).toBe(9)
    expect(result.cells['t3.otherHandling.noCorrection.naturalPerson']).toBeUndefined()
    expect(result.warnings).toEqual([
      '文件中“（六）其他处理”只有一行，其数字已全部计入“3.其他”，请按实际拆分。',
    ])
    expect(result.missing).toEqual([
      '表三行“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”',
      '表三行“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”',
    ])
  })

  it('reads merged cells: a merged header over three columns, merged group labels', () => {
    const rows = table2(2021).map((r) => [...r])
    // `本年处理决定数量` (row 6) merged over B6:D6; the value typed into the middle cell C7.
    rows[6] = ['行政许可', '', '7', '']
    const merges = [
      { r0: 5, c0: 1, r1: 5, c1: 3 },
      { r0: 6, c0: 1, r1: 6, c1: 3 },
    ]
    const outcome = importGrids([{ name: '表二', rows, merges }])
    expect(outcome.ok && outcome.result.cells['t2.licensing.decisions']).toBe(7)
  })

  it('parses numbers people write and rejects the rest with sheet!cell and reason', () => {
    const written = ['1,234', '12件', '', '/', '-', '—', '无', '０８', '3.5', '-2', 'abc', '#REF!']
    const t4 = table4((k) => written[k - 1] ?? '0')
    const t2 = table2(2021, (k) => (k === 10 ? '12.5万元' : '0'))
    const result = imported(grid('复议诉讼', t4), grid('主动公开', t2))
    expect(result.cells['t4.review.upheld']).toBe(1234)
    expect(result.cells['t4.review.corrected']).toBe(12)
    expect(['other', 'pending', 'total'].map((k) => result.cells[`t4.review.${k}`])).toEqual([
      null,
      null,
      null,
    ])
    expect(result.cells['t4.litigationDirect.upheld']).toBe(null)
    expect(result.cells['t4.litigationDirect.corrected']).toBe(null)
    expect(result.cells['t4.litigationDirect.other']).toBe(8)
    expect(result.cells['t2.fees.amount']).toBe(12.5)
    expect(result.rejected).toEqual([
      {
        address: '复议诉讼!I4',
        cellId: 't4.litigationDirect.pending',
        cellName: '表四 未经复议直接起诉 尚未审结',
        text: '3.5',
        reason: '件数必须是整数，不能有小数',
      },
      {
        address: '复议诉讼!J4',
        cellId: 't4.litigationDirect.total',
        cellName: '表四 未经复议直接起诉 总计',
        text: '-2',
        reason: '不能填写负数',
      },
      {
        address: '复议诉讼!K4',
        cellId: 't4.litigationAfterReview.upheld',
        cellName: '表四 复议后起诉 结果维持',
        text: 'abc',
        reason: '“abc”不是数字',
      },
      {
        address: '复议诉讼!L4',
        cellId: 't4.litigationAfterReview.corrected',
        cellName: '表四 复议后起诉 结果纠正',
        text: '#REF!',
        reason: '公式错误（#REF!）',
      },
    ])
    expect(result.tables.find((t) => t.key === 't4')).toMatchObject({ located: 15, filled: 6 })
  })

  it('reports a workbook with only table 三 as such', () => {
    const result = imported(grid('Sheet1', table3(2021)))
    expect(result.tables.map((t) => [t.key, t.located])).toEqual([
      ['t2', 0],
      ['t3', 175],
      ['t4', 0],
    ])
    expect(Object.keys(result.cells)).toHaveLength(175)
  })

  it('lists official labels that a found table lacks', () => {
    const t3 = table3(2021).filter((r) => r[2] !== '8.属于行政查询事项')
    const result = imported(grid('t', t3))
    expect(result.missing).toEqual(['表三行“8.属于行政查询事项”'])
    expect(result.tables[1]!.located).toBe(168)
  })

  it('says in one sentence that a file is not a report', () => {
    const outcome = importGrids([
      grid('工资表', [
        ['姓名', '部门', '规章'],
        ['张三', '办公室', '3'],
        ['李四', '总计', '5'],
      ]),
    ])
    expect(outcome).toEqual({ ok: false, error: NOT_A_REPORT })
    expect(importGrids([])).toEqual({ ok: false, error: NOT_A_REPORT })
  })

  it('reads narrative sections under their official headings', () => {
    const result = imported(
      grid('报告', [
        ['一、总体情况'],
        ['第一段。'],
        [],
        ['第二段。'],
        ['二、主动公开政府信息情况'],
        ...table2(2021),
        ['五、存在的主要问题及改进情况'],
        ['问题。'],
        ['六、其他需要报告的事项'],
        ['无。'],
      ]),
    )
    expect(result.narrative).toEqual({
      overview: '第一段。\n\n第二段。',
      problems: '问题。',
      other: '无。',
    })
  })

  it('keeps a 2019 table in a file titled 2022 as 2019 layout, with a warning', () => {
    const result = imported(
      grid('s', [['某镇人民政府2022年政府信息公开工作年度报告'], ...table2(2019), ...table3(2019)]),
    )
    expect(result.formatId).toBe('gov2019')
    expect(result.year).toBe(2022)
    expect(result.warnings).toEqual([
      '文件标题写的是2022年，但表格是国办公开办函〔2019〕60号的格式；导入时按表格格式处理。',
    ])
  })
})
