/**
 * 「插入统计句」: sentences written from the current tables in the wording reports use, so the
 * text and the tables say the same thing. Zero figures are left out (or said as 「未…」), blank
 * cells are never stated. Every sentence is worded so the narrative reader (`narrativeFacts`) reads
 * back exactly the table's figure: the text-vs-table rules find nothing in what we write.
 */
import type { CellSpec, NarrativeKey } from '../formats'
import { formatCellValue, formatOf, type Report } from '../report'
import { planOf, type FormatPlan } from '../rules/plan'
import { disputeTotals } from '../rules/table4'
import { outcomeGroups } from './facts'

export interface StatisticsOptions {
  /** 信息处理费 collected this year in 元, for section 六 (not a table figure). */
  readonly feeYuan?: number
}

const n = (value: number) => formatCellValue(value)
const cellValue = (report: Report, id: string | undefined) =>
  id === undefined ? null : (report.cells[id] ?? null)

/** `A、B和C` */
const listed = (parts: readonly string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join('、')}和${parts.at(-1)}`

/** 规章 / 规范性文件 issued, repealed and in force (table 二, first block). */
function documentSentence(report: Report, plan: FormatPlan): string {
  const rows = new Map<string, CellSpec[]>()
  for (const c of plan.byTable.t2) {
    const row = c.rowLabels.at(-1)!
    if (c.kind === 'count' && /规章|规范性文件$/.test(row)) {
      rows.set(row, [...(rows.get(row) ?? []), c])
    }
  }
  const clauses: string[] = []
  for (const [name, cells] of rows) {
    const byVerb = (re: RegExp) => cells.find((c) => re.test(c.columnLabels.at(-1)!))
    const issued = byVerb(/制发|制作/)
    const parts: string[] = []
    const issuedValue = cellValue(report, issued?.id)
    if (issuedValue) {
      const verb = /制发/.test(issued!.columnLabels.at(-1)!) ? '制发' : '新制作'
      parts.push(`${verb}${name}${n(issuedValue)}件`)
    }
    const repealed = cellValue(report, byVerb(/废止/)?.id)
    if (repealed) parts.push(`废止${name}${n(repealed)}件`)
    const inForce = cellValue(report, byVerb(/现行有效/)?.id)
    if (inForce) parts.push(`现行有效${name}${n(inForce)}件`)
    if (parts.length) clauses.push(parts.join('，'))
  }
  return clauses.length ? `主动公开方面，本年度${clauses.join('；')}。` : ''
}

/** 行政许可 / 处罚 / 强制 decisions and the 行政事业性收费 amount (table 二, later blocks). */
function decisionSentences(report: Report, plan: FormatPlan): string {
  const decisions = plan.byTable.t2
    .filter((c) => c.kind === 'count' && /处理决定/.test(c.columnLabels.at(-1)!))
    .flatMap((c) => {
      const value = cellValue(report, c.id)
      return value ? [`${c.rowLabels.at(-1)}处理决定${n(value)}件`] : []
    })
  const out = decisions.length ? [`本年度作出${listed(decisions)}。`] : []
  const fee = plan.byTable.t2.find((c) => c.kind === 'amount' && c.unit === '万元')
  const feeValue = cellValue(report, fee?.id)
  if (fee && feeValue) out.push(`全年${fee.rowLabels.at(-1)}金额${n(feeValue)}万元。`)
  return out.join('')
}

/** 依申请公开 from table 三's 总计 column. */
export function applicationSentence(report: Report): string {
  const format = formatOf(report)
  const col = planOf(format).carry.find((c) => c.isTotal)
  if (!col) return ''
  const received = cellValue(report, col.newReceived)
  const carriedIn = cellValue(report, col.carriedIn)
  const answered = cellValue(report, col.resultTotal)
  const carriedOver = cellValue(report, col.carriedOver)
  const first = received
    ? `依申请公开方面，本年度共收到政府信息公开申请${n(received)}件`
    : received === 0
      ? '依申请公开方面，本年度未收到政府信息公开申请'
      : ''
  const clauses = [first]
  if (carriedIn) clauses.push(`上年结转${n(carriedIn)}件`)
  if (answered) {
    const outcomes = outcomeGroups(format).flatMap((g) => {
      const values = g.totalCells.map((id) => cellValue(report, id))
      if (values.some((v) => v === null)) return []
      const sum = values.reduce<number>((a, v) => a + v!, 0)
      return sum ? [`${g.name}${n(sum)}件`] : []
    })
    clauses.push(`办结${n(answered)}件`)
    if (outcomes.length) clauses.push(`其中${outcomes.join('，')}`)
  }
  if (carriedOver) clauses.push(`结转下年度继续办理${n(carriedOver)}件`)
  const said = clauses.filter(Boolean)
  return said.length ? `${said.join('，')}。` : ''
}

const NO_DISPUTES = '本年度未发生因政府信息公开引起的行政复议、行政诉讼。'

/** 行政复议 / 行政诉讼 from table 四's totals and results. */
export function disputeSentences(report: Report): string {
  const plan = planOf(formatOf(report))
  const totals = disputeTotals(plan)
  if (!totals) return ''
  const review = cellValue(report, totals.review.total)
  const direct = cellValue(report, totals.direct.total)
  const after = cellValue(report, totals.after.total)
  if (review === null || direct === null || after === null) return ''
  const results = (parts: readonly string[]) =>
    parts.flatMap((id) => {
      const value = cellValue(report, id)
      return value ? [`${plan.byId.get(id)!.columnLabels.at(-1)}${n(value)}件`] : []
    })
  if (!review && !direct && !after) return NO_DISPUTES
  const out: string[] = []
  if (review) {
    const split = results(totals.review.parts)
    out.push(
      `本年度因政府信息公开被申请行政复议${n(review)}件${split.length ? `，其中${split.join('，')}` : ''}。`,
    )
  } else out.push('本年度未发生因政府信息公开被申请行政复议的情况。')
  if (direct || after) {
    const kinds = [
      direct ? `未经复议直接起诉${n(direct)}件` : '',
      after ? `复议后起诉${n(after)}件` : '',
    ].filter(Boolean)
    // Results summed over both kinds of litigation, per result column.
    const merged = new Map<string, number>()
    for (const id of [...totals.direct.parts, ...totals.after.parts]) {
      const label = plan.byId.get(id)!.columnLabels.at(-1)!
      merged.set(label, (merged.get(label) ?? 0) + (cellValue(report, id) ?? 0))
    }
    const byResult = [...merged].filter(([, v]) => v > 0).map(([k, v]) => `${k}${n(v)}件`)
    out.push(
      `被提起行政诉讼${n(direct + after)}件，其中${kinds.join('，')}${byResult.length ? `；诉讼中${byResult.join('，')}` : ''}。`,
    )
  } else out.push('本年度未发生因政府信息公开被提起行政诉讼的情况。')
  return out.join('')
}

/** 信息处理费 (section 六): 「本年度未收取信息处理费」 or the amount in 元. */
export function feeSentence(feeYuan = 0): string {
  return feeYuan > 0 ? `本年度共收取信息处理费${n(feeYuan)}元。` : '本年度未收取信息处理费。'
}

/**
 * The sentences 「插入统计句」 puts into a narrative section: 一 总体情况 gets 主动公开 (表二) and
 * 依申请公开 (表三); 六 其他 gets 复议、诉讼 (表四) and the fee statement; 五 gets the 复议、诉讼
 * results when there were any. Empty when the tables hold nothing to state.
 */
export function statisticsSentences(
  report: Report,
  section: NarrativeKey,
  options: StatisticsOptions = {},
): string {
  const plan = planOf(formatOf(report))
  switch (section) {
    case 'overview':
      return [
        documentSentence(report, plan),
        decisionSentences(report, plan),
        applicationSentence(report),
      ]
        .filter(Boolean)
        .join('')
    case 'problems': {
      // 五 names problems: the disputes only when there were any.
      const disputes = disputeSentences(report)
      return disputes === NO_DISPUTES ? '' : disputes
    }
    case 'other':
      return disputeSentences(report) + feeSentence(options.feeYuan)
  }
}
