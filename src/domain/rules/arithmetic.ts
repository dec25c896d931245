/**
 * The arithmetic of the tables, generic over the format data: value kinds (T*-INT, T2-FEE-NUM),
 * blanks (T*-BLANK), every declared sum (T3-ROWSUM, T3-SUBTOTAL, T4-SUM-*), the table 三 balance
 * (T3-BALANCE) and its clearer special case T3-CARRY-BOUND.
 */
import type { CellSpec, SumConstraint, TableKey } from '../formats'
import type { Report } from '../report'
import type { RuleId } from './catalogue'
import type { BalanceLine, FormatPlan } from './plan'
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
 * Blank is not zero. Once anything in the report is filled, each table with blank cells gets one
 * finding listing them; a report that is still entirely blank says nothing.
 */
export const checkBlanks: Check = ({ report, plan }) => {
  if (!plan.cells.some((c) => valueOf(report, c.id) !== null)) return []
  const out: Finding[] = []
  for (const table of TABLE_KEYS) {
    const blanks = plan.byTable[table].filter((c) => valueOf(report, c.id) === null)
    if (!blanks.length) continue
    const named = blanks.slice(0, NAMED_BLANKS).map((c) => `“${c.name}”`)
    const rest = blanks.length > NAMED_BLANKS ? `等 ${blanks.length} 格` : ''
    out.push(
      finding(
        BLANK_RULE[table],
        blanks.map((c) => c.id),
        `${plan.tableNames[table]}有 ${blanks.length} 格空白：${named.join('、')}${rest}。空白不等于0，没有数据请填0`,
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

export const checkSums: Check = (input) =>
  input.plan.sums.flatMap((c) => sumFinding(input.report, c, input.plan))

function balanceFinding(report: Report, line: BalanceLine, plan: FormatPlan): Finding[] {
  const left = line.left.map((t) => valueOf(report, t.id))
  const right = line.right.map((t) => valueOf(report, t.id))
  if ([...left, ...right].some((v) => v === null)) return []
  const l = (left as number[]).reduce((a, b) => a + b, 0)
  const r = (right as number[]).reduce((a, b) => a + b, 0)
  if (l === r) return []
  const side = (terms: typeof line.left, values: (number | null)[], sum: number) =>
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
  plan.balances.flatMap((line) => balanceFinding(report, line, plan))

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
