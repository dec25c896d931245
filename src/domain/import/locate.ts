/**
 * Finds a table of the format in a set of sheets by its printed labels, not by coordinates:
 * row labels first (they are unique within a table), then each block's column labels in the few
 * rows above its rows. Tolerates offsets, extra title rows and columns, merged cells and blank
 * spacer columns; small typos are matched by best unique similarity and reported.
 */
import {
  cellId,
  columnLeaves,
  isColumnGroup,
  rowLeaves,
  type ColumnNode,
  type TableBlock,
  type TableSpec,
} from '../formats'
import { cellText, sheetAddress } from './grid'
import {
  editSimilarity,
  LOOSE_MATCH_MIN_LENGTH,
  LOOSE_MATCH_THRESHOLD,
  matchLabel,
  normalizeLabel,
  officialLabels,
  printedLabels,
  type OfficialLabels,
} from '../labels'
import type { LabelCell, Position, SheetIndex } from './sheetIndex'

export interface LooseMatch {
  /** `Sheet!C7` */
  readonly address: string
  readonly found: string
  readonly official: string
  readonly similarity: number
}

export interface LocatedCell {
  readonly cellId: string
  readonly row: number
  readonly col: number
}

export interface LocatedTable {
  readonly tableKey: TableSpec['key']
  readonly sheet: SheetIndex
  readonly cells: readonly LocatedCell[]
  /** Official labels that were not found, e.g. `列“科研机构”`. */
  readonly missing: readonly string[]
  readonly loose: readonly LooseMatch[]
  /** Texts of the label cells matched, as printed (for the label rules T2-LABEL, T3-LABEL). */
  readonly seen: readonly string[]
  /** Cells placed by an approximation (a group printed as one row); not evidence of the layout. */
  readonly approximate: number
  readonly notes: readonly string[]
}

/** Rows above a block's first row label searched for its column labels (3 header rows + slack). */
const HEADER_ZONE_ROWS = 6
/** Minimum distinct row labels found exactly before a sheet counts as holding the table. */
const MIN_ROW_ANCHORS = 2

interface Zone {
  readonly rows: readonly [number, number]
  readonly minCol: number
}

const inZone = (cell: Position, zone: Zone) =>
  cell.row >= zone.rows[0] && cell.row <= zone.rows[1] && cell.col >= zone.minCol

/** Matching state of one table in one sheet, and what it has found so far. */
class TableMatcher {
  readonly loose: LooseMatch[] = []
  readonly taken = new Set<LabelCell>()
  readonly cells: LocatedCell[] = []
  readonly missing: string[] = []
  readonly notes: string[] = []
  approximate = 0
  private readonly officials: OfficialLabels

  constructor(
    readonly sheet: SheetIndex,
    readonly table: TableSpec,
  ) {
    this.officials = officialLabels(printedLabels(table))
  }

  located(): LocatedTable {
    const { table, sheet, cells, missing, loose, approximate, notes } = this
    return {
      tableKey: table.key,
      sheet,
      cells,
      missing,
      loose,
      seen: this.seen(),
      approximate,
      notes,
    }
  }

  exact(label: string): readonly LabelCell[] {
    return (this.sheet.byLabel.get(normalizeLabel(label)) ?? []).filter((c) => !this.taken.has(c))
  }

  /**
   * The one cell in `zone` that is most similar to `label`, provided no other official label of
   * the table is at least as close to that cell's text and no other cell is equally close.
   */
  looseFind(label: string, zone: Zone): LabelCell | undefined {
    const official = normalizeLabel(label)
    if (official.length < LOOSE_MATCH_MIN_LENGTH) return undefined
    let best: LabelCell | undefined
    let bestScore = 0
    let tied = false
    for (const cell of this.sheet.labels) {
      if (this.taken.has(cell) || !inZone(cell, zone)) continue
      if (
        Math.abs(cell.norm.length - official.length) >
        official.length * (1 - LOOSE_MATCH_THRESHOLD)
      )
        continue
      const score = editSimilarity(cell.norm, official)
      if (score < LOOSE_MATCH_THRESHOLD || score < bestScore) continue
      // The cell must stand for this label, not as well or better for another one of the table.
      const match = matchLabel(cell.norm, this.officials)
      if (!match || normalizeLabel(match.official) !== official) continue
      tied = score === bestScore
      best = cell
      bestScore = score
    }
    if (!best || tied) return undefined
    this.loose.push({
      address: sheetAddress(this.sheet.grid, best.row, best.col),
      found: best.text,
      official: label,
      similarity: Math.round(bestScore * 100) / 100,
    })
    return best
  }

  seen(): string[] {
    return [...this.taken].map((c) => c.text)
  }

  take<T extends LabelCell | undefined>(cell: T): T {
    if (cell) this.taken.add(cell)
    return cell
  }
}

interface RowAnchor {
  readonly keys: readonly string[]
  readonly label: string
  /** Label of the group the row belongs to, if any (`（六）其他处理`). */
  readonly group?: string
  cell?: LabelCell
  folded?: boolean
}

/** Exact row labels in reading order; then loose ones between their found neighbours. */
function findRows(m: TableMatcher, anchors: RowAnchor[], after: number) {
  let previous = after
  for (const anchor of anchors) {
    const cell = m.exact(anchor.label).find((c) => c.row > previous)
    if (cell) {
      anchor.cell = m.take(cell)
      previous = cell.row
    }
  }
  anchors.forEach((anchor, i) => {
    if (anchor.cell) return
    const before = Math.max(after, ...anchors.slice(0, i).map((a) => a.cell?.row ?? after))
    const next = anchors.slice(i + 1).find((a) => a.cell)?.cell?.row ?? Number.MAX_SAFE_INTEGER
    anchor.cell = m.take(m.looseFind(anchor.label, { rows: [before + 1, next - 1], minCol: 0 }))
  })
}

/**
 * A group printed as a single row (洪泽区 2023 printed 2021's （六）其他处理 without its items 1–3):
 * its figures go into the group's last item, as migrate2019to2021 does, and the user is told.
 */
function foldSingleRowGroups(m: TableMatcher, rows: readonly RowAnchor[]): string[] {
  const notes: string[] = []
  const groups = new Map<string, RowAnchor[]>()
  for (const r of rows) if (r.group) groups.set(r.group, [...(groups.get(r.group) ?? []), r])
  for (const [group, members] of groups) {
    const cell = m.exact(group)[0]
    if (members.length < 2 || members.some((r) => r.cell) || !cell) continue
    const last = members.at(-1)!
    last.cell = m.take(cell)
    last.folded = true
    notes.push(`文件中“${group}”只有一行，其数字已全部计入“${last.label}”，请按实际拆分。`)
  }
  return notes
}

interface ColumnAnchor {
  readonly keys: readonly string[]
  readonly label: string
  cell?: LabelCell
}

/**
 * Column labels inside the header zone. Repeated labels (table 四's three `结果维持`) are taken
 * from the lowest header rows first and assigned left to right, in the format's order.
 */
function findColumns(m: TableMatcher, anchors: ColumnAnchor[], zone: Zone) {
  const byLabel = new Map<string, ColumnAnchor[]>()
  for (const a of anchors) {
    const key = normalizeLabel(a.label)
    byLabel.set(key, [...(byLabel.get(key) ?? []), a])
  }
  for (const group of byLabel.values()) {
    const candidates = m
      .exact(group[0]!.label)
      .filter((c) => inZone(c, zone))
      .sort((a, b) => b.row - a.row || a.col - b.col)
      .slice(0, group.length)
      .sort((a, b) => a.col - b.col)
    candidates.forEach((cell, i) => (group[i]!.cell = m.take(cell)))
  }
  for (const a of anchors) a.cell ??= m.take(m.looseFind(a.label, zone))
}

const columnAnchors = (columns: readonly ColumnNode[]): ColumnAnchor[] =>
  columnLeaves(columns).map((c) => ({ keys: c.keys, label: c.leaf.label }))

/** The first non-empty cell of the data row under a (possibly merged) column label. */
function valueColumn(m: TableMatcher, row: number, column: LabelCell): number {
  for (let col = column.col; col <= column.colEnd; col++) {
    if (cellText(m.sheet.grid, row, col).trim()) return col
  }
  return column.col
}

function collect(
  m: TableMatcher,
  rows: readonly { keys: readonly string[]; label: string; row?: number }[],
  columns: readonly ColumnAnchor[],
) {
  for (const c of columns) if (!c.cell) m.missing.push(`列“${c.label}”`)
  for (const r of rows) {
    if (r.row === undefined) {
      m.missing.push(`行“${r.label}”`)
      continue
    }
    for (const c of columns) {
      if (!c.cell) continue
      m.cells.push({
        cellId: cellId(m.table.key, r.keys, c.keys),
        row: r.row,
        col: valueColumn(m, r.row, c.cell),
      })
    }
  }
}

const hasRowLabels = (block: TableBlock) => rowLeaves(block.rows).some((r) => r.leaf.label)

function locateLabelledRows(sheet: SheetIndex, table: TableSpec): LocatedTable | undefined {
  const m = new TableMatcher(sheet, table)
  let after = -1
  for (const block of table.blocks) {
    const rows: RowAnchor[] = rowLeaves(block.rows).map((r) => ({
      keys: r.keys,
      label: r.leaf.label,
      ...(r.depth > 0 ? { group: r.labels.at(-2)! } : {}),
    }))
    findRows(m, rows, after)
    m.notes.push(...foldSingleRowGroups(m, rows))
    const found = rows.flatMap((r) => (r.cell ? [r.cell] : []))
    if (!found.length) {
      m.missing.push(...rows.map((r) => `行“${r.label}”`))
      continue
    }
    const first = Math.min(...found.map((c) => c.row))
    const zone: Zone = {
      rows: [Math.max(after + 1, first - HEADER_ZONE_ROWS), first - 1],
      minCol: Math.max(...found.map((c) => c.colEnd)) + 1,
    }
    const columns = columnAnchors(block.columns)
    findColumns(m, columns, zone)
    collect(
      m,
      rows.map((r) => ({ ...r, row: r.cell?.row })),
      columns,
    )
    m.approximate += rows.filter((r) => r.folded).length * columns.filter((c) => c.cell).length
    after = Math.max(...found.map((c) => c.rowEnd))
  }
  return m.located()
}

/** Table 四: no row labels; anchored on its first column group, one data row below the head. */
function locateHeaderOnly(sheet: SheetIndex, table: TableSpec): LocatedTable | undefined {
  const block = table.blocks[0]!
  const top = block.columns.find(isColumnGroup)
  const m = new TableMatcher(sheet, table)
  const anchor = top && m.exact(top.label)[0]
  if (!anchor) return undefined
  const columns = columnAnchors(block.columns)
  findColumns(m, columns, {
    rows: [anchor.row, anchor.row + HEADER_ZONE_ROWS - 1],
    minCol: anchor.col,
  })
  const found = columns.flatMap((c) => (c.cell ? [c.cell] : []))
  if (!found.length) return undefined
  const start = Math.max(...found.map((c) => c.rowEnd)) + 1
  const dataRow =
    [0, 1, 2]
      .map((d) => start + d)
      .find((row) => found.some((c) => cellText(sheet.grid, row, c.col).trim())) ?? start
  const rows = rowLeaves(block.rows).map((r) => ({
    keys: r.keys,
    label: r.leaf.label,
    row: dataRow,
  }))
  collect(m, rows, columns)
  return m.located()
}

/** How strongly a sheet shows a table: distinct official labels found exactly. */
function anchorScore(sheet: SheetIndex, table: TableSpec): number {
  const labels = table.blocks.flatMap((b) =>
    hasRowLabels(b)
      ? rowLeaves(b.rows).map((r) => r.leaf.label)
      : columnLeaves(b.columns).flatMap((c) => c.labels.slice(0, -1)),
  )
  return new Set(labels.filter((l) => sheet.byLabel.has(normalizeLabel(l)))).size
}

/** The table in whichever sheet shows it most clearly; undefined when no sheet shows it. */
export function locateTable(
  sheets: readonly SheetIndex[],
  table: TableSpec,
): LocatedTable | undefined {
  const scored = sheets
    .map((sheet) => ({ sheet, score: anchorScore(sheet, table) }))
    .filter((s) => s.score >= MIN_ROW_ANCHORS)
    .sort((a, b) => b.score - a.score)
  const best = scored[0]?.sheet
  if (!best) return undefined
  return table.blocks.some(hasRowLabels)
    ? locateLabelledRows(best, table)
    : locateHeaderOnly(best, table)
}
