/**
 * The official tables as a colleague would type them into a spreadsheet, labels typed by hand
 * from format.md §2.4–2.6 and §3.2–3.3 (not derived from the format data under test). Values are
 * filled in reading order with `value(k)` for the k-th data cell of the table (k from 1).
 */
export type Rows = (readonly string[])[]
export type Layout = 2019 | 2021
export type ValueOf = (k: number) => string

const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'

function counter(value: ValueOf) {
  let k = 0
  return (n: number) => Array.from({ length: n }, () => value(++k))
}

export function table2(layout: Layout, value: ValueOf = String): Rows {
  const next = counter(value)
  if (layout === 2021) {
    return [
      ['第二十条第（一）项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', ...next(3)],
      ['行政规范性文件', ...next(3)],
      ['第二十条第（五）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政许可', ...next(1)],
      ['第二十条第（六）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政处罚', ...next(1)],
      ['行政强制', ...next(1)],
      ['第二十条第（八）项'],
      ['信息内容', '本年收费金额（单位：万元）'],
      ['行政事业性收费', ...next(1)],
    ]
  }
  return [
    ['第二十条第（一）项'],
    ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    ['规章', ...next(3)],
    ['规范性文件', ...next(3)],
    ['第二十条第（五）项'],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政许可', ...next(3)],
    ['其他对外管理服务事项', ...next(3)],
    ['第二十条第（六）项'],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政处罚', ...next(3)],
    ['行政强制', ...next(3)],
    ['第二十条第（八）项'],
    ['信息内容', '上一年项目数量', '本年增/减'],
    ['行政事业性收费', ...next(2)],
    ['第二十条第（九）项'],
    ['信息内容', '采购项目数量', '采购总金额'],
    ['政府集中采购', ...next(2)],
  ]
}

/** Stub of three label columns, as printed: level 1, level 2 and level 3 labels. */
const T3_STUB_HEAD: Rows = [
  ['一、本年新收政府信息公开申请数量', '', ''],
  ['二、上年结转政府信息公开申请数量', '', ''],
  ['三、本年度办理结果', '（一）予以公开', ''],
  ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ''],
  ['', '（三）不予公开', '1.属于国家秘密'],
  ['', '', '2.其他法律行政法规禁止公开'],
  ['', '', '3.危及“三安全一稳定”'],
  ['', '', '4.保护第三方合法权益'],
  ['', '', '5.属于三类内部事务信息'],
  ['', '', '6.属于四类过程性信息'],
  ['', '', '7.属于行政执法案卷'],
  ['', '', '8.属于行政查询事项'],
  ['', '（四）无法提供', '1.本机关不掌握相关政府信息'],
  ['', '', '2.没有现成信息需要另行制作'],
  ['', '', '3.补正后申请内容仍不明确'],
  ['', '（五）不予处理', '1.信访举报投诉类申请'],
  ['', '', '2.重复申请'],
  ['', '', '3.要求提供公开出版物'],
  ['', '', '4.无正当理由大量反复申请'],
  ['', '', '5.要求行政机关确认或重新出具已获取信息'],
]
const T3_SIX_2021: Rows = [
  ['', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['', '', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['', '', '3.其他'],
]
const T3_SIX_2019: Rows = [['', '（六）其他处理', '']]
const T3_STUB_TAIL: Rows = [
  ['', '（七）总计', ''],
  ['四、结转下年度继续办理', '', ''],
]

export function table3(
  layout: Layout,
  value: ValueOf = String,
  publicInterest = '社会公益组织',
): Rows {
  const next = counter(value)
  const stub = [...T3_STUB_HEAD, ...(layout === 2021 ? T3_SIX_2021 : T3_SIX_2019), ...T3_STUB_TAIL]
  return [
    [T3_NOTE, '', '', '申请人情况'],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '', '商业企业', '科研机构', publicInterest, '法律服务机构', '其他', ''],
    ...stub.map((labels) => [...labels, ...next(7)]),
  ]
}

export function table4(value: ValueOf = String): Rows {
  const next = counter(value)
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
  return [
    ['行政复议', '', '', '', '', '行政诉讼'],
    [...outcomes, '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    ['', '', '', '', '', ...outcomes, ...outcomes],
    next(15),
  ]
}

/** Rows moved down by `top` and right by `left` (blank rows and columns before them). */
export function offset(rows: Rows, top: number, left: number): Rows {
  return [
    ...Array.from({ length: top }, () => []),
    ...rows.map((r) => [...Array(left).fill(''), ...r]),
  ]
}

/** A blank column inserted before column `at` of every row (a spacer column). */
export const spacerColumn = (rows: Rows, at: number): Rows =>
  rows.map((r) => (r.length > at ? [...r.slice(0, at), '', ...r.slice(at)] : r))

export const grid = (name: string, rows: Rows) => ({ name, rows, merges: [] })

/** The printed labels of hand-typed sheet rows (pass `() => ''` as values), each once. */
export const printedLabels = (rows: Rows): string[] => [...new Set(rows.flat().filter(Boolean))]
