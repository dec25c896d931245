/**
 * Three-way merge of one draft edited in two windows: `base` is what this window last read or
 * saved, `mine` what it shows now, `theirs` what another window saved since. Cell by cell, section
 * by section (and each report-information field and totals mode): a part changed on one side only
 * takes that side; changed on both sides to different values, the other window's saved value wins
 * and the part is listed, so the user can decide. Computed totals keep the saved value: the caller
 * recomputes them from the merged parts.
 */
import { cellMap, sectionHeading } from './formats'
import { formatOf, isComputedCell, NARRATIVE_KEYS, TABLE_KEYS, type Report } from './report'

export interface MergeResult {
  readonly report: Report
  /** How many parts of `mine` were carried over onto `theirs`. */
  readonly fromMine: number
  /** Parts both windows changed differently (named for the user); `theirs` was kept. */
  readonly conflicts: readonly string[]
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

export function mergeReports(base: Report, mine: Report, theirs: Report): MergeResult {
  if (mine.formatId !== theirs.formatId || base.formatId !== theirs.formatId) {
    return same(mine, base)
      ? { report: theirs, fromMine: 0, conflicts: [] }
      : { report: theirs, fromMine: 0, conflicts: ['整份报告（表格格式不同）'] }
  }
  let fromMine = 0
  const conflicts: string[] = []
  /** The merged value of one part; `name` says which part, for the conflict list. */
  const pick = <T>(b: T, m: T, t: T, name: () => string): T => {
    if (same(m, b) || same(m, t)) return t
    if (same(t, b)) {
      fromMine++
      return m
    }
    conflicts.push(name())
    return t
  }

  const format = formatOf(theirs)
  const cellNames = cellMap(format)
  const cells = { ...theirs.cells }
  for (const id of new Set([...Object.keys(mine.cells), ...Object.keys(theirs.cells)])) {
    // A computed total follows its parts (the caller recomputes totals): never a conflict.
    if (isComputedCell(theirs, id) && isComputedCell(mine, id)) continue
    cells[id] = pick(
      base.cells[id] ?? null,
      mine.cells[id] ?? null,
      theirs.cells[id] ?? null,
      () => cellNames.get(id)?.name ?? id,
    )
  }
  const narrative = { ...theirs.narrative }
  for (const key of NARRATIVE_KEYS) {
    narrative[key] = pick(base.narrative[key], mine.narrative[key], theirs.narrative[key], () =>
      sectionHeading(format, key),
    )
  }
  const meta = { ...theirs.meta }
  const metaKeys = new Set([...Object.keys(mine.meta), ...Object.keys(theirs.meta)])
  for (const key of metaKeys as Set<keyof Report['meta']>) {
    const merged = pick(base.meta[key], mine.meta[key], theirs.meta[key], () => '报告信息')
    if (merged === undefined) delete meta[key]
    else Object.assign(meta, { [key]: merged })
  }
  const totalsMode = { ...theirs.totalsMode }
  for (const table of TABLE_KEYS) {
    totalsMode[table] = pick(
      base.totalsMode[table],
      mine.totalsMode[table],
      theirs.totalsMode[table],
      () => `${sectionHeading(format, table)}的合计方式`,
    )
  }
  // 「说明」: each window's additions and withdrawals since `base` are kept (never a conflict).
  const key = (e: unknown) => JSON.stringify(e)
  const baseKeys = new Set((base.explanations ?? []).map(key))
  const mineKeys = new Set((mine.explanations ?? []).map(key))
  const added = (mine.explanations ?? []).filter((e) => !baseKeys.has(key(e)))
  const kept = (theirs.explanations ?? []).filter(
    (e) => mineKeys.has(key(e)) || !baseKeys.has(key(e)),
  )
  const theirKeys = new Set(kept.map(key))
  const explanations = [...kept, ...added.filter((e) => !theirKeys.has(key(e)))]
  if (added.length || kept.length !== (theirs.explanations ?? []).length) fromMine++
  const report: Report = { ...theirs, cells, narrative, meta, totalsMode }
  if (explanations.length) report.explanations = explanations
  else delete report.explanations
  return {
    report,
    fromMine,
    conflicts: [...new Set(conflicts)],
  }
}
