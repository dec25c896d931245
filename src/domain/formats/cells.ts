/**
 * Derives the flat cell catalogue and the sum constraints from a format description.
 * Everything that needs "the list of cells" or "which cells add up" asks here.
 */
import {
  isColumnGroup,
  isRowGroup,
  type ColumnLeaf,
  type ColumnNode,
  type FormatSpec,
  type RowLeaf,
  type RowNode,
  type RowRole,
  type SectionKey,
  type SumOf,
  type TableKey,
  type TableSpec,
  type ValueKind,
} from './types'
import type { RuleId } from '../rules/catalogue'

/**
 * `derive` computed once per format and shared: formats are frozen data, so whatever is derived
 * from one (cells, sums, plans, label lists) never changes.
 */
export function perFormat<T>(derive: (format: FormatSpec) => T): (format: FormatSpec) => T {
  const cache = new WeakMap<FormatSpec, T>()
  return (format) => {
    if (cache.has(format)) return cache.get(format)!
    const value = derive(format)
    cache.set(format, value)
    return value
  }
}

/** A leaf of a row or column tree with the path from the outermost group down to it. */
export interface LeafPath<Leaf> {
  readonly leaf: Leaf
  readonly labels: readonly string[]
  readonly keys: readonly string[]
  readonly depth: number
  /** The leaves under the same parent (the operands of a `sumOf` on this leaf), itself included. */
  readonly siblings: readonly Leaf[]
}

function collectLeaves<Leaf, Node extends { label: string; key?: string }>(
  nodes: readonly Node[],
  isGroup: (node: Node) => node is Node & { children: readonly Node[] },
  labels: readonly string[] = [],
  keys: readonly string[] = [],
): LeafPath<Leaf>[] {
  const out: LeafPath<Leaf>[] = []
  const directLeaves = (list: readonly Node[]): Leaf[] =>
    list.flatMap((n) => (isGroup(n) ? directLeaves(n.children) : [n as unknown as Leaf]))
  const siblings = directLeaves(nodes)
  for (const node of nodes) {
    const nodeLabels = [...labels, node.label]
    const nodeKeys = node.key ? [...keys, node.key] : keys
    if (isGroup(node)) {
      out.push(...collectLeaves<Leaf, Node>(node.children, isGroup, nodeLabels, nodeKeys))
    } else {
      out.push({
        leaf: node as unknown as Leaf,
        labels: nodeLabels,
        keys: nodeKeys,
        depth: labels.length,
        siblings,
      })
    }
  }
  return out
}

export const rowLeaves = (rows: readonly RowNode[]): LeafPath<RowLeaf>[] =>
  collectLeaves<RowLeaf, RowNode>(rows, isRowGroup)
export const columnLeaves = (columns: readonly ColumnNode[]): LeafPath<ColumnLeaf>[] =>
  collectLeaves<ColumnLeaf, ColumnNode>(columns, isColumnGroup)

export const cellId = (table: TableKey, rowKeys: readonly string[], colKeys: readonly string[]) =>
  [table, ...rowKeys, ...colKeys].join('.')

export interface CellSpec {
  readonly id: string
  readonly tableKey: TableKey
  /** Official labels from the outermost group to the row (table 二: block header first). */
  readonly rowLabels: readonly string[]
  /** Official labels from the outermost group to the column. */
  readonly columnLabels: readonly string[]
  readonly kind: ValueKind
  readonly unit?: string
  /** Accessible name, e.g. `表三 （三）不予公开 1.属于国家秘密 · 自然人`. */
  readonly name: string
  /** True when the cell is a declared total of other cells (computed in "computed totals" mode). */
  readonly isTotal: boolean
}

function accessibleName(
  table: TableSpec,
  rowLabels: readonly string[],
  colLabels: readonly string[],
) {
  const rows = rowLabels.filter(Boolean).slice(-2)
  const cols = rows.length ? colLabels.slice(-1) : colLabels.slice(-2)
  return `${table.shortName} ${rows.length ? rows.join(' ') + ' · ' : ''}${cols.join(' ')}`
}

export function tablesOf(format: FormatSpec): TableSpec[] {
  return format.sections.flatMap((s) => (s.kind === 'table' ? [s.table] : []))
}

export function tableOf(format: FormatSpec, key: TableKey): TableSpec {
  const table = tablesOf(format).find((t) => t.key === key)
  if (!table) throw new Error(`format ${format.id} has no table ${key}`)
  return table
}

/** The printed heading of a section, e.g. `五、存在的主要问题及改进情况`. */
export function sectionHeading(format: FormatSpec, key: SectionKey): string {
  const section = format.sections.find((s) => s.key === key)
  if (!section) throw new Error(`format ${format.id} has no section ${key}`)
  return section.heading
}

/** Every data cell of a format, in reading order (table by table, row by row). */
export const listCells = perFormat((format): readonly CellSpec[] => {
  const cells: CellSpec[] = []
  for (const table of tablesOf(format)) {
    for (const block of table.blocks) {
      const cols = columnLeaves(block.columns)
      for (const row of rowLeaves(block.rows)) {
        const rowLabels = block.header ? [block.header, ...row.labels] : row.labels
        for (const col of cols) {
          cells.push({
            id: cellId(table.key, row.keys, col.keys),
            tableKey: table.key,
            rowLabels,
            columnLabels: col.labels,
            kind: col.leaf.kind ?? 'count',
            ...(col.leaf.unit ? { unit: col.leaf.unit } : {}),
            name: accessibleName(table, row.labels, col.labels),
            isTotal: Boolean(row.leaf.sumOf || col.leaf.sumOf),
          })
        }
      }
    }
  }
  return Object.freeze(cells)
})

export const cellMap = perFormat(
  (format): ReadonlyMap<string, CellSpec> => new Map(listCells(format).map((c) => [c.id, c])),
)

/** `total` must equal the sum of `parts`; one per row (for a total column) or per column. */
export interface SumConstraint {
  readonly ruleId: RuleId
  readonly tableKey: TableKey
  readonly total: string
  readonly parts: readonly string[]
  /** 'row': the parts lie along a row (a 总计 column); 'column': down a column (（七）总计). */
  readonly along: 'row' | 'column'
  /** Labels that name the line the constraint runs along, for messages. */
  readonly lineLabels: readonly string[]
}

export const sumConstraints = perFormat((format): readonly SumConstraint[] => {
  const out: SumConstraint[] = []
  for (const table of tablesOf(format)) {
    for (const block of table.blocks) {
      const cols = columnLeaves(block.columns)
      const rows = rowLeaves(block.rows)
      const idOf = (r: LeafPath<RowLeaf>, c: LeafPath<ColumnLeaf>) =>
        cellId(table.key, r.keys, c.keys)
      const partsOf = <L>(path: LeafPath<L>, all: LeafPath<L>[]) =>
        all.filter((p) => p.leaf !== path.leaf && path.siblings.includes(p.leaf))
      for (const col of cols) {
        const sum: SumOf | undefined = col.leaf.sumOf
        if (!sum) continue
        const partCols = partsOf(col, cols)
        for (const row of rows) {
          out.push({
            ruleId: sum.ruleId,
            tableKey: table.key,
            total: idOf(row, col),
            parts: partCols.map((c) => idOf(row, c)),
            along: 'row',
            lineLabels: row.labels.filter(Boolean).length ? row.labels : col.labels.slice(0, -1),
          })
        }
      }
      for (const row of rows) {
        const sum: SumOf | undefined = row.leaf.sumOf
        if (!sum) continue
        const partRows = partsOf(row, rows)
        for (const col of cols) {
          out.push({
            ruleId: sum.ruleId,
            tableKey: table.key,
            total: idOf(row, col),
            parts: partRows.map((r) => idOf(r, col)),
            along: 'column',
            lineLabels: col.labels,
          })
        }
      }
    }
  }
  Object.freeze(out)
  return out
})

/** A row (or group of rows) of the format found by its role, with its official labels and cells. */
export interface RoleRow {
  readonly tableKey: TableKey
  /** Official labels from the outermost stub column down to this row or group. */
  readonly labels: readonly string[]
  /** The row's own official label, e.g. `规章`, `（六）其他处理`. */
  readonly label: string
  /** The row's name in messages: a nested row with its group (`（四）无法提供 1.本机关…`). */
  readonly name: string
  /** Every data cell of the row, or of all rows of the group, in reading order. */
  readonly cells: readonly CellSpec[]
}

const roleRows = perFormat((format): ReadonlyMap<RowRole, RoleRow> => {
  const found = new Map<RowRole, RoleRow>()
  const visit = (table: TableSpec, nodes: readonly RowNode[], labels: string[], keys: string[]) => {
    for (const node of nodes) {
      const nodeLabels = [...labels, node.label]
      const nodeKeys = node.key ? [...keys, node.key] : keys
      if (node.role) {
        const prefix = `${cellId(table.key, nodeKeys, [])}.`
        const group = isRowGroup(node)
        found.set(node.role, {
          tableKey: table.key,
          labels: nodeLabels,
          label: node.label,
          name: group ? node.label : nodeLabels.slice(-2).join(' '),
          cells: listCells(format).filter((c) => c.id.startsWith(prefix)),
        })
      }
      if (isRowGroup(node)) visit(table, node.children, nodeLabels, nodeKeys)
    }
  }
  for (const table of tablesOf(format)) {
    for (const block of table.blocks) visit(table, block.rows, [], [])
  }
  return found
})

/** The row of `format` that plays `role` (undefined when the format has no such row). */
export const rowByRole = (format: FormatSpec, role: RowRole): RoleRow | undefined =>
  roleRows(format).get(role)
