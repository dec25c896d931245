/**
 * A 2019-layout report (国办公开办函〔2019〕60号) in the 2021 layout, per format.md §3.4: what maps
 * is copied, what maps only approximately is noted, what cannot map is listed and never guessed.
 * The result keeps its year (its figures are that year's); it serves to show last year beside
 * this year's tables with the same cell ids.
 */
import { gov2019, gov2021, listCells, type CellSpec } from './formats'
import type { Report } from './report'
import { planOf } from './rules/plan'

export interface MigrationResult {
  readonly report: Report
  /** 2019 cell ids whose values have no place in the 2021 layout (dropped). */
  readonly unmapped: readonly string[]
  /** Plain-Chinese notes on approximations and on 2021 cells left blank for want of a source. */
  readonly notes: readonly string[]
}

/**
 * 2019 → 2021 cells that differ in id. 本年新制作数量 ≈ 本年制发件数 (format.md §3.4: usable, with a
 * warning). 对外公开总数量 is NOT 现行有效件数 (published stock may include repealed texts).
 */
const RENAMED: Readonly<Record<string, string>> = {
  't2.regulations.made': 't2.regulations.issued',
  't2.normativeDocs.made': 't2.normativeDocs.issued',
}

export function migrate2019to2021(report: Report): MigrationResult {
  if (report.formatId !== gov2019.id) {
    return { report: structuredClone(report), unmapped: [], notes: [] }
  }
  const target = listCells(gov2021)
  const targetIds = new Set(target.map((c) => c.id))
  const cells: Report['cells'] = Object.fromEntries(target.map((c) => [c.id, null]))
  const unmapped: string[] = []
  const notes: string[] = []
  const byId = planOf(gov2021).byId
  const sourceNames = planOf(gov2019).byId

  for (const cell of listCells(gov2019)) {
    const value = report.cells[cell.id] ?? null
    const renamed = RENAMED[cell.id]
    if (targetIds.has(cell.id)) cells[cell.id] = value
    else if (renamed) {
      cells[renamed] = value
      notes.push(`“${cell.name}”按近似口径填入“${byId.get(renamed)!.name}”，请核对`)
    } else if (!moveIntoGroup(cell.id, value, cells, targetIds, notes, sourceNames)) {
      unmapped.push(cell.id)
    }
  }
  const blank = target.filter((c) => c.tableKey === 't2' && cells[c.id] === null && !c.isTotal)
  if (blank.length) {
    notes.push(
      `2019年格式没有对应数据，以下栏目留空：${blank.map((c) => `“${c.name}”`).join('、')}（对外公开总数量不等于现行有效件数）`,
    )
  }
  return {
    report: {
      ...structuredClone(report),
      formatId: gov2021.id,
      cells,
    },
    unmapped,
    notes,
  }
}

/**
 * A 2019 leaf row that became a group in 2021 (（六）其他处理): 0 splits as 0 everywhere; any other
 * value goes into the group's last item (3.其他) with the other items left blank, and is flagged.
 */
function moveIntoGroup(
  id: string,
  value: number | null,
  cells: Report['cells'],
  targetIds: ReadonlySet<string>,
  notes: string[],
  names: ReadonlyMap<string, CellSpec>,
): boolean {
  const dot = id.lastIndexOf('.')
  const row = id.slice(0, dot)
  const column = id.slice(dot)
  const items = [...targetIds].filter(
    (t) =>
      t.startsWith(row + '.') &&
      t.endsWith(column) &&
      t.split('.').length === id.split('.').length + 1,
  )
  if (!items.length) return false
  for (const item of items) cells[item] = value === 0 ? 0 : null
  if (value !== null && value !== 0) {
    cells[items.at(-1)!] = value
    if (!names.get(id)!.isTotal)
      notes.push(
        `“${names.get(id)!.name}” ${value} 件已全部计入“${planOf(gov2021).byId.get(items.at(-1)!)!.name}”，2019年格式未细分，其余两项留空，请按实际拆分`,
      )
  }
  return true
}
