/**
 * Everything the rules need to know about a format, derived once from the format data and cached
 * per format (validate runs on every edit; it must not re-walk the row and column trees).
 */
import {
  cellId,
  columnLeaves,
  listCells,
  perFormat,
  rowLeaves,
  sumConstraints,
  tablesOf,
  type CellSpec,
  type SumConstraint,
  type TableKey,
  type TableSpec,
} from '../formats'
import type { RuleId } from './catalogue'

/** One operand of the table 三 balance, e.g. `第一项` → `t3.newReceived.total`. */
export interface BalanceTerm {
  readonly id: string
  readonly label: string
}

export interface BalanceLine {
  readonly ruleId: RuleId
  readonly tableKey: TableKey
  readonly columnLabel: string
  readonly left: readonly BalanceTerm[]
  readonly right: readonly BalanceTerm[]
}

/** Per applicant column of table 三: the cells of the carry rows (`二`, `四`, `一`, `（七）`). */
export interface CarryColumn {
  readonly columnLabel: string
  readonly isTotal: boolean
  readonly newReceived: string
  readonly carriedIn: string
  readonly resultTotal: string
  readonly carriedOver: string
}

export interface FormatPlan {
  readonly cells: readonly CellSpec[]
  readonly index: ReadonlyMap<string, number>
  readonly byId: ReadonlyMap<string, CellSpec>
  readonly byTable: Readonly<Record<TableKey, readonly CellSpec[]>>
  /** 表二 / 表三 / 表四, for messages. */
  readonly tableNames: Readonly<Record<TableKey, string>>
  readonly sums: readonly SumConstraint[]
  readonly balances: readonly BalanceLine[]
  readonly carry: readonly CarryColumn[]
  /** Row key path (`withheld.stateSecret`) → its table 三 cell ids. */
  readonly t3Rows: ReadonlyMap<string, readonly string[]>
  /** The table 三 cell of a row in the 总计 column, e.g. `t3.unable.notHeld.total`. */
  readonly t3Total: (rowKey: string) => string
}

/** `一、本年新收…` → `第一项`; a row inside `三、…` → `第三项（七）总计`. */
function termLabel(labels: readonly string[]): string {
  const top = /^([一二三四五六七八九十]+)、/.exec(labels[0] ?? '')
  const item = top ? `第${top[1]}项` : (labels[0] ?? '')
  return labels.length > 1 ? item + labels[labels.length - 1] : item
}

function rowPath(table: TableSpec, key: string) {
  for (const block of table.blocks) {
    const row = rowLeaves(block.rows).find((r) => r.leaf.key === key)
    if (row) return { block, row }
  }
  throw new Error(`table ${table.key} has no row ${key}`)
}

function balancesOf(table: TableSpec): BalanceLine[] {
  const spec = table.balance
  if (!spec) return []
  const first = rowPath(table, spec.left[0]!)
  return columnLeaves(first.block.columns).map((col) => {
    const term = (key: string): BalanceTerm => {
      const { row } = rowPath(table, key)
      return { id: cellId(table.key, row.keys, col.keys), label: termLabel(row.labels) }
    }
    return {
      ruleId: spec.ruleId,
      tableKey: table.key,
      columnLabel: col.leaf.label,
      left: spec.left.map(term),
      right: spec.right.map(term),
    }
  })
}

function carryOf(table: TableSpec): CarryColumn[] {
  const spec = table.carry
  if (!spec) return []
  const first = rowPath(table, spec.carriedIn)
  return columnLeaves(first.block.columns).map((col) => {
    const id = (key: string) => cellId(table.key, rowPath(table, key).row.keys, col.keys)
    return {
      columnLabel: col.leaf.label,
      isTotal: Boolean(col.leaf.sumOf),
      newReceived: id(spec.newReceived),
      carriedIn: id(spec.carriedIn),
      resultTotal: id(spec.resultTotal),
      carriedOver: id(spec.carriedOver),
    }
  })
}

export const planOf = perFormat((format): FormatPlan => {
  const cells = listCells(format)
  const byTable: Record<TableKey, CellSpec[]> = { t2: [], t3: [], t4: [] }
  for (const c of cells) byTable[c.tableKey].push(c)
  const tables = tablesOf(format)
  const t3Rows = new Map<string, string[]>()
  const t3 = tables.find((t) => t.key === 't3')
  if (t3) {
    for (const block of t3.blocks) {
      const cols = columnLeaves(block.columns)
      for (const row of rowLeaves(block.rows)) {
        t3Rows.set(
          row.keys.join('.'),
          cols.map((c) => cellId('t3', row.keys, c.keys)),
        )
      }
    }
  }
  const carry = tables.flatMap(carryOf)
  const totalColumn = carry
    .find((c) => c.isTotal)
    ?.newReceived.split('.')
    .at(-1)
  const plan: FormatPlan = {
    cells,
    index: new Map(cells.map((c, i) => [c.id, i])),
    byId: new Map(cells.map((c) => [c.id, c])),
    byTable,
    tableNames: Object.fromEntries(tables.map((t) => [t.key, t.shortName])) as Record<
      TableKey,
      string
    >,
    sums: sumConstraints(format),
    balances: tables.flatMap(balancesOf),
    carry,
    t3Rows,
    t3Total: (rowKey) => `t3.${rowKey}.${totalColumn}`,
  }
  return plan
})
