/**
 * The arithmetic of the tables, generic over the format data: value kinds (T*-INT, T2-FEE-NUM),
 * blanks (T*-BLANK), every declared sum (T3-ROWSUM, T3-SUBTOTAL, T4-SUM-*), the table 三 balance
 * (T3-BALANCE) and its clearer special case T3-CARRY-BOUND.
 */
import type { CellSpec, SumConstraint, TableKey } from '../formats'
import type { Report } from '../report'
import type { RuleId } from './catalogue'
import type { BalanceLine, BalanceTerm, FormatPlan } from './plan'
import type { Finding } from './types'
import { finding, num, valueOf, type Check } from './util'

const INT_RULE: Record<TableKey, RuleId> = { t2: 'T2-INT', t3: 'T3-INT', t4: 'T4-INT' }
const BLANK_RULE: Record<TableKey, RuleId> = { t2: 'T2-BLANK', t3: 'T3-BLANK', t4: 'T4-BLANK' }
const TABLE_KEYS: readonly TableKey[] = ['t2', 't3', 't4']
/** How many blank cells a message names before it says "等". */
const NAMED_BLANKS = 5

function kindProblem(cell: CellSpec, value: number): string | undefined {
  if (!Number.isFinite(value)) return '不是有效数字'
  if (cell.kind === 'amount') return value < 0 ? '不能为负数' : undefined
  if (!Number.isInteger(value)) return '必须是整数'
  if (cell.kind === 'count' && value < 0) return '不能为负数'
  return undefined
}

export const checkValueKinds: Check = ({ report, plan }) => {
  const out: Finding[] = []
  for (const cell of plan.cells) {
    const value = valueOf(report, cell.id)
    if (value === null) continue
    const problem = kindProblem(cell, value)
    if (!problem) continue
    const rule: RuleId = cell.kind === 'amount' ? 'T2-FEE-NUM' : INT_RULE[cell.tableKey]
    out.push(finding(rule, [cell.id], `${cell.name}填写为 ${value}，${problem}`))
  }
  return out
}

/**
 * Blank is not zero. A table nobody has started is "未填写" progress, not a finding; once a table
 * holds a figure, its blanks get one finding. Before export (`context.forExport`) every table with
 * blanks is reported, and an imported published report whose table is entirely blank is missing
 * that table (issue 9), not a draft in progress.
 */
export const checkBlanks: Check = ({ report, plan, context }) => {
  const anyFilled = plan.cells.some((c) => valueOf(report, c.id) !== null)
  if (!anyFilled) return []
  const out: Finding[] = []
  for (const table of TABLE_KEYS) {
    const cells = plan.byTable[table]
    const blanks = cells.filter((c) => valueOf(report, c.id) === null)
    if (!blanks.length) continue
    const untouched = blanks.length === cells.length
    const publishedWithout = untouched && report.imported?.published === true
    if (untouched && !context.forExport && !publishedWithout) continue
    const named = blanks.slice(0, NAMED_BLANKS).map((c) => `“${c.name}”`)
    const rest = blanks.length > NAMED_BLANKS ? `等 ${blanks.length} 格` : ''
    const message = untouched
      ? publishedWithout
        ? `导入的报告中${plan.tableNames[table]}全部空白：文件缺少该表或未填写，已公开的年报应包含完整的${plan.tableNames[table]}，没有数据请填0`
        : `${plan.tableNames[table]}尚未填写（${blanks.length} 格空白）。空白不等于0，没有数据请填0`
      : `${plan.tableNames[table]}有 ${blanks.length} 格空白：${named.join('、')}${rest}。空白不等于0，没有数据请填0`
    out.push(
      finding(
        BLANK_RULE[table],
        blanks.map((c) => c.id),
        message,
      ),
    )
  }
  return out
}

/** `表三“（三）不予公开 1.属于国家秘密”行` / `表三“自然人”列` / `表四“行政诉讼 · 复议后起诉”`. */
function lineName(c: SumConstraint, plan: FormatPlan): string {
  const table = plan.tableNames[c.tableKey]
  const labels = c.lineLabels.filter(Boolean)
  if (c.along === 'column') return `${table}“${labels.at(-1)}”列`
  if (c.tableKey === 't4') return `${table}“${labels.join(' · ')}”`
  return `${table}“${(labels.length > 2 ? labels.slice(-2) : labels.slice(-1)).join(' ')}”行`
}

const columnLabel = (plan: FormatPlan, id: string) => plan.byId.get(id)!.columnLabels.at(-1)!

function sumFinding(report: Report, c: SumConstraint, plan: FormatPlan): Finding[] {
  const total = valueOf(report, c.total)
  const parts = c.parts.map((id) => valueOf(report, id))
  const known = parts.filter((v): v is number => v !== null)
  if (total === null && known.length === 0) return []
  const sum = known.reduce((a, b) => a + b, 0)
  const totalName = plan.byId.get(c.total)!
  const totalLabel = c.along === 'column' ? totalName.rowLabels.at(-1)! : columnLabel(plan, c.total)
  const where = lineName(c, plan)
  const ruleId = c.ruleId as RuleId
  const cells = [c.total, ...c.parts]
  if (total === null) {
    // A blank total with non-zero parts is a wrong total, not just a blank (rules.md T3-ROWSUM).
    return sum > 0
      ? [finding(ruleId, cells, `${where}：分项之和为 ${num(sum)}，“${totalLabel}”却是空白`)]
      : []
  }
  if (known.length < parts.length && sum <= total) return [] // the blank finding covers it
  if (Math.abs(sum - total) < 1e-9) return []
  const partsText =
    c.along === 'row'
      ? c.parts.map((id, i) => `${columnLabel(plan, id)} ${num(parts[i] ?? 0)}`).join(' + ') +
        ` = ${num(sum)}`
      : `各分项之和 ${num(sum)}`
  const blanks = known.length < parts.length ? '（空白按0计）' : ''
  return [
    finding(
      ruleId,
      cells,
      `${where}：${partsText}${blanks}，“${totalLabel}”填 ${num(total)}，相差 ${num(Math.abs(sum - total))}`,
    ),
  ]
}

export const checkSums: Check = ({ report, plan }) => {
  const { suspects } = readBalances(report, plan)
  return plan.sums.flatMap((c) =>
    sumFinding(report, c, plan).map((f) => {
      const suspect = c.along === 'row' ? suspects.get(c.total) : undefined
      // The part that also breaks its column's balance is the cell most likely wrong.
      return suspect ? { ...f, cells: [suspect, ...f.cells.filter((id) => id !== suspect)] } : f
    }),
  )
}

/** Σ parts − 总计 of a table 三 row sum (T3-ROWSUM); null when a cell is blank or there is none. */
function rowExcess(report: Report, row: SumConstraint | undefined): number | null {
  if (!row) return null
  const total = valueOf(report, row.total)
  const parts = row.parts.map((id) => valueOf(report, id))
  if (total === null || parts.some((v) => v === null)) return null
  return (parts as number[]).reduce((a, b) => a + b, 0) - total
}

interface BalanceReading {
  /** Balance lines to report (the others are explained by a finding on a row). */
  readonly reported: readonly BalanceLine[]
  /** Row total id → the part cell that, corrected, fixes both its row and its column balance. */
  readonly suspects: ReadonlyMap<string, string>
}

const readings = new WeakMap<Report, BalanceReading>()

/**
 * One mistake, one finding. A wrong part of a row breaks its row sum and its column's balance; a
 * wrong 总计 breaks its row sum and the 总计 column's balance; a wrong part with a computed 总计
 * breaks two balances. In each case the arithmetic tells which single cell explains everything,
 * and only the finding that names it is kept.
 */
function readBalances(report: Report, plan: FormatPlan): BalanceReading {
  const cached = readings.get(report)
  if (cached) return cached
  const rowOf = new Map<string, SumConstraint>()
  for (const c of plan.sums) {
    if (c.along !== 'row') continue
    rowOf.set(c.total, c)
    for (const part of c.parts) rowOf.set(part, c)
  }
  const diff = (line: BalanceLine) => {
    const values = [...line.left, ...line.right].map((t) => valueOf(report, t.id))
    if (values.some((v) => v === null)) return null
    const sum = (terms: readonly BalanceTerm[]) =>
      terms.reduce((a, t) => a + valueOf(report, t.id)!, 0)
    return sum(line.left) - sum(line.right)
  }
  const isTotalLine = (line: BalanceLine) => rowOf.get(line.left[0]!.id)?.total === line.left[0]!.id
  const suspects = new Map<string, string>()
  const reported: BalanceLine[] = []
  const partLinesOff: BalanceLine[] = []
  for (const line of plan.balances) {
    const d = diff(line)
    if (!d || isTotalLine(line)) continue
    // A single cell whose row sum is off by exactly what this column's balance is off.
    const explained = [
      ...line.left.map((t) => ({ t, sign: 1 })),
      ...line.right.map((t) => ({ t, sign: -1 })),
    ].filter(({ t, sign }) => rowExcess(report, rowOf.get(t.id)) === sign * d)
    if (explained.length === 1)
      suspects.set(rowOf.get(explained[0]!.t.id)!.total, explained[0]!.t.id)
    else reported.push(line)
    partLinesOff.push(line)
  }
  for (const line of plan.balances) {
    const d = diff(line)
    if (!d || !isTotalLine(line)) continue
    const excess = [...line.left, ...line.right].map((t) => rowExcess(report, rowOf.get(t.id)))
    const rowsHold = excess.every((e) => e === 0)
    // Totals replaced by the sums of their parts: balanced means a wrong total (T3-ROWSUM says it).
    const corrected =
      !excess.some((e) => e === null) &&
      d +
        line.left.reduce((a, _t, i) => a + excess[i]!, 0) -
        line.right.reduce((a, _t, i) => a + excess[line.left.length + i]!, 0) ===
        0
    if (corrected && !rowsHold) continue
    if (rowsHold && partLinesOff.length) continue
    reported.push(line)
  }
  const out = { reported, suspects }
  readings.set(report, out)
  return out
}

function balanceFinding(report: Report, line: BalanceLine, plan: FormatPlan): Finding[] {
  const left = line.left.map((t) => valueOf(report, t.id)!)
  const right = line.right.map((t) => valueOf(report, t.id)!)
  const l = left.reduce((a, b) => a + b, 0)
  const r = right.reduce((a, b) => a + b, 0)
  const side = (terms: typeof line.left, values: number[], sum: number) =>
    terms.map((t, i) => `${t.label} ${num(values[i]!)}`).join(' + ') + ` = ${num(sum)}`
  // The typed operand (四、结转下年度) first: the others are usually computed or carried.
  const cells = [...line.right.slice(1), ...line.left, line.right[0]!].map((t) => t.id)
  const table = plan.tableNames[line.tableKey]
  return [
    finding(
      line.ruleId as RuleId,
      cells,
      `${table}“${line.columnLabel}”列：${side(line.left, left, l)}，${side(line.right, right, r)}，相差 ${num(Math.abs(l - r))}`,
    ),
  ]
}

export const checkBalance: Check = ({ report, plan }) =>
  readBalances(report, plan).reported.flatMap((line) => balanceFinding(report, line, plan))

export const checkCarryBound: Check = ({ report, plan }) =>
  plan.carry.flatMap((col) => {
    const over = valueOf(report, col.carriedOver)
    const fresh = valueOf(report, col.newReceived)
    const carried = valueOf(report, col.carriedIn)
    if (over === null || fresh === null || carried === null || over <= fresh + carried) return []
    return [
      finding(
        'T3-CARRY-BOUND',
        [col.carriedOver, col.newReceived, col.carriedIn],
        `表三“${col.columnLabel}”列：结转下年度 ${num(over)} 件，多于本年新收 ${num(fresh)} + 上年结转 ${num(carried)} = ${num(fresh + carried)} 件`,
      ),
    ]
  })
