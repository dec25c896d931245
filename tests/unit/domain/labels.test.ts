/**
 * Every printed label of both formats, typed by hand from ../shared/spec/format.md (§2.3–2.6 for
 * 〔2021〕30号, §3.2–3.3 for 〔2019〕60号) — not copied from the code.
 */
import { describe, expect, it } from 'vitest'
import {
  gov2019,
  gov2021,
  listCells,
  tableOf,
  type FormatSpec,
  type TableKey,
} from '../../../src/domain'
import { HEADINGS } from './handTyped'

const unique = (paths: string[][]) => [...new Set(paths.map((p) => p.join(' / ')))]
const rowPaths = (f: FormatSpec, t: TableKey) =>
  unique(
    listCells(f)
      .filter((c) => c.tableKey === t)
      .map((c) => [...c.rowLabels]),
  )
const columnPaths = (f: FormatSpec, t: TableKey) =>
  unique(
    listCells(f)
      .filter((c) => c.tableKey === t)
      .map((c) => [...c.columnLabels]),
  )

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'

const T3_COLUMNS = [
  '申请人情况 / 自然人',
  '申请人情况 / 法人或其他组织 / 商业企业',
  '申请人情况 / 法人或其他组织 / 科研机构',
  '申请人情况 / 法人或其他组织 / 社会公益组织',
  '申请人情况 / 法人或其他组织 / 法律服务机构',
  '申请人情况 / 法人或其他组织 / 其他',
  '申请人情况 / 总计',
]

const R = '三、本年度办理结果'
const T3_ROWS_BEFORE_SIX = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  `${R} / （一）予以公开`,
  `${R} / （二）部分公开（区分处理的，只计这一情形，不计其他情形）`,
  `${R} / （三）不予公开 / 1.属于国家秘密`,
  `${R} / （三）不予公开 / 2.其他法律行政法规禁止公开`,
  `${R} / （三）不予公开 / 3.危及“三安全一稳定”`,
  `${R} / （三）不予公开 / 4.保护第三方合法权益`,
  `${R} / （三）不予公开 / 5.属于三类内部事务信息`,
  `${R} / （三）不予公开 / 6.属于四类过程性信息`,
  `${R} / （三）不予公开 / 7.属于行政执法案卷`,
  `${R} / （三）不予公开 / 8.属于行政查询事项`,
  `${R} / （四）无法提供 / 1.本机关不掌握相关政府信息`,
  `${R} / （四）无法提供 / 2.没有现成信息需要另行制作`,
  `${R} / （四）无法提供 / 3.补正后申请内容仍不明确`,
  `${R} / （五）不予处理 / 1.信访举报投诉类申请`,
  `${R} / （五）不予处理 / 2.重复申请`,
  `${R} / （五）不予处理 / 3.要求提供公开出版物`,
  `${R} / （五）不予处理 / 4.无正当理由大量反复申请`,
  `${R} / （五）不予处理 / 5.要求行政机关确认或重新出具已获取信息`,
]
const T3_ROWS_AFTER_SIX = [`${R} / （七）总计`, '四、结转下年度继续办理']

const T4_COLUMNS = [
  ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((c) => `行政复议 / ${c}`),
  ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map(
    (c) => `行政诉讼 / 未经复议直接起诉 / ${c}`,
  ),
  ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map(
    (c) => `行政诉讼 / 复议后起诉 / ${c}`,
  ),
]

describe('〔2021〕30号 labels (format.md §2)', () => {
  it('has the six headings', () => {
    expect(gov2021.sections.map((s) => s.heading)).toEqual(HEADINGS)
  })

  it('table 二: four blocks, 信息内容, rows and columns', () => {
    const t2 = tableOf(gov2021, 't2')
    expect(t2.blocks.map((b) => b.header)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ])
    expect(t2.blocks.map((b) => b.stubLabel)).toEqual([
      '信息内容',
      '信息内容',
      '信息内容',
      '信息内容',
    ])
    expect(
      listCells(gov2021)
        .filter((c) => c.tableKey === 't2')
        .map((c) => [...c.rowLabels, ...c.columnLabels].join(' / ')),
    ).toEqual([
      '第二十条第（一）项 / 规章 / 本年制发件数',
      '第二十条第（一）项 / 规章 / 本年废止件数',
      '第二十条第（一）项 / 规章 / 现行有效件数',
      '第二十条第（一）项 / 行政规范性文件 / 本年制发件数',
      '第二十条第（一）项 / 行政规范性文件 / 本年废止件数',
      '第二十条第（一）项 / 行政规范性文件 / 现行有效件数',
      '第二十条第（五）项 / 行政许可 / 本年处理决定数量',
      '第二十条第（六）项 / 行政处罚 / 本年处理决定数量',
      '第二十条第（六）项 / 行政强制 / 本年处理决定数量',
      '第二十条第（八）项 / 行政事业性收费 / 本年收费金额（单位：万元）',
    ])
  })

  it('table 三: the note, 7 columns and 25 rows with （六） split in three', () => {
    expect(tableOf(gov2021, 't3').cornerNote).toBe(NOTE)
    expect(columnPaths(gov2021, 't3')).toEqual(T3_COLUMNS)
    expect(rowPaths(gov2021, 't3')).toEqual([
      ...T3_ROWS_BEFORE_SIX,
      `${R} / （六）其他处理 / 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请`,
      `${R} / （六）其他处理 / 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请`,
      `${R} / （六）其他处理 / 3.其他`,
      ...T3_ROWS_AFTER_SIX,
    ])
  })

  it('table 四: 15 columns in their groups', () => {
    expect(columnPaths(gov2021, 't4')).toEqual(T4_COLUMNS)
  })
})

describe('〔2019〕60号 labels (format.md §3)', () => {
  it('has the same six headings', () => {
    expect(gov2019.sections.map((s) => s.heading)).toEqual(HEADINGS)
  })

  it('table 二: five blocks with the item-count columns', () => {
    expect(tableOf(gov2019, 't2').blocks.map((b) => b.header)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '第二十条第（九）项',
    ])
    const items = ['上一年项目数量', '本年增/减', '处理决定数量']
    expect(
      listCells(gov2019)
        .filter((c) => c.tableKey === 't2')
        .map((c) => [...c.rowLabels, ...c.columnLabels].join(' / ')),
    ).toEqual([
      ...['规章', '规范性文件'].flatMap((r) =>
        ['本年新制作数量', '本年新公开数量', '对外公开总数量'].map(
          (c) => `第二十条第（一）项 / ${r} / ${c}`,
        ),
      ),
      ...['行政许可', '其他对外管理服务事项'].flatMap((r) =>
        items.map((c) => `第二十条第（五）项 / ${r} / ${c}`),
      ),
      ...['行政处罚', '行政强制'].flatMap((r) =>
        items.map((c) => `第二十条第（六）项 / ${r} / ${c}`),
      ),
      '第二十条第（八）项 / 行政事业性收费 / 上一年项目数量',
      '第二十条第（八）项 / 行政事业性收费 / 本年增/减',
      '第二十条第（九）项 / 政府集中采购 / 采购项目数量',
      '第二十条第（九）项 / 政府集中采购 / 采购总金额',
    ])
  })

  it('table 三: same note and columns, 23 rows with （六）其他处理 as one row', () => {
    expect(tableOf(gov2019, 't3').cornerNote).toBe(NOTE)
    expect(columnPaths(gov2019, 't3')).toEqual(T3_COLUMNS)
    expect(rowPaths(gov2019, 't3')).toEqual([
      ...T3_ROWS_BEFORE_SIX,
      `${R} / （六）其他处理`,
      ...T3_ROWS_AFTER_SIX,
    ])
  })

  it('table 四: identical to 2021', () => {
    expect(columnPaths(gov2019, 't4')).toEqual(T4_COLUMNS)
  })
})
