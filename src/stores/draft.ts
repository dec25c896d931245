/**
 * The draft store: the report being edited and its undo history. Which drafts exist, saving and
 * the other windows are the library's (./library); the autosave is one debounce with flush
 * (./autosave).
 *
 * Every change goes through `commit`, which recomputes the totals of tables in computed mode,
 * records one undo step and schedules a save. `report` is replaced (never mutated) on each change,
 * so everything derived from it (findings, totals) recomputes once per change.
 */
import { useEventListener } from '@vueuse/core'
import { defineStore, storeToRefs } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  cellMap,
  explain,
  formatForYear,
  formatOf,
  isComputedCell,
  parseCellInput,
  recomputeTotals,
  sameReport,
  sectionHeading,
  TABLE_KEYS,
  totalOverflow,
  withExplanation,
  type Finding,
  type NarrativeKey,
  type ParseResult,
  type BackupDraft,
  type LocalDraft,
  type Report,
  type ReportMeta,
  type RestoreStep,
  type TableKey,
  type TotalsMode,
} from '../domain'
import { createAutosave } from './autosave'
import { COALESCE_MS, endsSentence, pushStep, type HistoryStep } from './history'
import { useLibraryStore } from './library'

export type { SaveState } from './library'

/** Autosave delay after the last change; a burst of typing saves once, always within a second. */
export const SAVE_DELAY_MS = 400

export interface RejectedCell {
  readonly cellId: string
  readonly name: string
  readonly reason: string
}

export interface BulkResult {
  readonly changed: number
  readonly rejected: readonly RejectedCell[]
}

const READ_ONLY_REASON = '本窗口为只读（这份草稿已在另一个窗口中修改），请先载入最新内容'
const COMPUTED_REASON = '合计由分项自动计算，不能直接填写（如需手工填写，请先切换为“手工填写合计”）'

/** The report with its computed totals settled; the same cells object when none changed. */
function withTotals(r: Report): Report {
  if (!TABLE_KEYS.some((t) => r.totalsMode[t] === 'computed')) return r
  const cells = recomputeTotals(r)
  return Object.keys(cells).every((id) => cells[id] === r.cells[id]) ? r : { ...r, cells }
}

/** `YYYY-MM-DD` of the clerk's own calendar day. */
const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

export const useDraftStore = defineStore('draft', () => {
  const library = useLibraryStore()
  const {
    drafts,
    draftId,
    notices,
    saveState,
    saveError,
    unavailable,
    conflict,
    readOnly,
    openElsewhere,
  } = storeToRefs(library)

  /** The report being edited, or null on the start page. Replace it only through the actions. */
  const report = shallowRef<Report | null>(null)
  /**
   * Last year's report (imported read-only beside the draft) for carry-over and cross-year rules.
   * Set it with `setLastYear`; it is stored with the draft but is not part of the undo history.
   */
  const lastYear = shallowRef<Report | null>(null)
  /** What the last change, undo or redo did, for a short status line. */
  const lastAction = ref('')

  const past = shallowRef<HistoryStep[]>([])
  const future = shallowRef<HistoryStep[]>([])
  const canUndo = computed(() => past.value.length > 0 && !readOnly.value)
  const canRedo = computed(() => future.value.length > 0 && !readOnly.value)
  const undoLabel = computed(() => past.value.at(-1)?.description ?? '')
  const redoLabel = computed(() => future.value.at(-1)?.description ?? '')

  // ------------------------------------------------------------------------------------------
  // Saving

  /** The report as this window last read or saved it: the base for merging another window's. */
  let savedBase: Report | null = null

  function save(): boolean {
    const r = report.value
    if (!r) return true
    const ok = library.save(r)
    if (ok) savedBase = r
    return ok
  }

  const autosave = createAutosave(save, SAVE_DELAY_MS)

  /** Writes the open draft now. Returns false (and says why) when it could not be saved. */
  const flush = (): boolean => autosave.flush(true)

  function scheduleSave() {
    library.markPending()
    autosave.schedule()
  }

  // A closing or hidden tab may never run the timer: save right away.
  if (typeof window !== 'undefined') {
    useEventListener(window, 'pagehide', () => autosave.flush())
    useEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') autosave.flush()
    })
  }

  function resetHistory() {
    past.value = []
    future.value = []
    lastAction.value = ''
  }

  function show(next: Report | null, previous: Report | null) {
    autosave.cancel()
    savedBase = next
    report.value = next
    lastYear.value = previous
    resetHistory()
  }

  /** Opens a stored draft; false (and a notice) when it cannot be read. */
  function open(id: string): boolean {
    const opened = library.open(id)
    if (!opened.ok) return false
    show(opened.report, opened.lastYear)
    return true
  }

  // ------------------------------------------------------------------------------------------
  // Drafts

  /** Saves the open draft before leaving it; refuses to leave unsaved work behind. */
  function leaveCurrent(): boolean {
    if (!report.value || readOnly.value) return true
    return flush()
  }

  /** Starts a new draft holding `initial` and opens it (not an undo step). */
  function createDraft(initial: Report): boolean {
    if (!leaveCurrent()) return false
    library.begin()
    show(withTotals(initial), null)
    return flush()
  }

  function switchDraft(id: string): boolean {
    if (id === draftId.value && !readOnly.value) return true
    if (!leaveCurrent()) return false
    return open(id)
  }

  /** Back to the start page; the draft stays in the list. */
  function closeDraft(): boolean {
    if (!leaveCurrent()) return false
    show(null, null)
    library.close()
    return true
  }

  function deleteDraft(id: string) {
    if (draftId.value === id) show(null, null)
    library.remove(id)
  }

  /** Gives a draft a name of the user's choice ('' returns to the title made from its information). */
  const renameDraft = (id: string, title: string): boolean => library.rename(id, title)

  /**
   * Leaves this window's read-only state: opens the newest saved data of the draft and carries
   * over this window's unsaved changes where the other window did not change the same cell or
   * section (one undo step). Parts both changed keep the other window's value and are listed.
   */
  async function reloadNewest(): Promise<boolean> {
    const id = library.conflict?.draftId ?? draftId.value
    if (!id) return false
    // Loaded only when two windows met: not part of the start-up code.
    const { mergeReports } = await import('../domain/merge')
    const mine = report.value
    const base = savedBase
    if (!open(id)) return closeDraft()
    const theirs = report.value
    if (!mine || !base || !theirs || mine === base) return true
    const merged = mergeReports(base, mine, theirs)
    if (merged.fromMine) commit(merged.report, `合并本窗口未保存的修改（${merged.fromMine} 处）`)
    if (!merged.fromMine && !merged.conflicts.length) return true
    library.tell(
      merged.conflicts.length
        ? `已载入另一个窗口保存的内容，并合并了本窗口未保存的 ${merged.fromMine} 处修改。以下 ${merged.conflicts.length} 处两个窗口都改过，已采用另一个窗口的内容：${merged.conflicts.join('、')}。`
        : `已载入另一个窗口保存的内容，并合并了本窗口未保存的 ${merged.fromMine} 处修改。`,
    )
    return true
  }

  /** Every draft for 「备份」; the one on the page as it is now, saved or not. */
  function backupDrafts(): BackupDraft[] {
    const id = draftId.value
    return library.backupDrafts(
      id && report.value ? { id, report: report.value, lastYear: lastYear.value } : undefined,
    )
  }

  /** The drafts as saved now (the open one flushed first), to plan a restore against. */
  function localDrafts(): LocalDraft[] {
    if (!readOnly.value) autosave.flush()
    return library.localDrafts()
  }

  /**
   * Restores what the plan adds or replaces. The draft on the page, if replaced, is reopened
   * with the restored data (its undo history starts afresh). Returns the titles not written.
   */
  function restoreBackup(steps: readonly RestoreStep[]): { restored: number; failed: string[] } {
    const { written, failed } = library.restore(steps)
    if (draftId.value && written.includes(draftId.value)) open(draftId.value)
    return { restored: written.length, failed }
  }

  function setLastYear(previous: Report | null): boolean {
    if (readOnly.value) return false
    lastYear.value = previous
    return library.saveLastYear(previous)
  }

  // ------------------------------------------------------------------------------------------
  // Changes (each one undo step)

  function commit(
    next: Report,
    description: string,
    coalesceKey?: string,
    endsGroup = false,
  ): boolean {
    const current = report.value
    if (!current || readOnly.value) return false
    const settled = withTotals(next)
    if (sameReport(current, settled)) return false
    past.value = pushStep(past.value, {
      before: current,
      after: settled,
      description,
      ...(coalesceKey ? { coalesceKey } : {}),
      ...(endsGroup ? { endsGroup } : {}),
      at: Date.now(),
    })
    future.value = []
    report.value = settled
    lastAction.value = description
    scheduleSave()
    return true
  }

  /** Parses what the user typed into one cell; refused input leaves the report unchanged. */
  function setCell(cellId: string, text: string | number | null): ParseResult {
    const r = report.value
    if (!r) return { ok: false, reason: '尚未打开报告' }
    if (readOnly.value) return { ok: false, reason: READ_ONLY_REASON }
    const spec = cellMap(formatOf(r)).get(cellId)
    if (!spec) return { ok: false, reason: '本表没有这个单元格' }
    if (isComputedCell(r, cellId)) return { ok: false, reason: COMPUTED_REASON }
    const parsed = parseCellInput(text, spec)
    if (parsed.ok && r.cells[cellId] !== parsed.value) {
      const next = { ...r, cells: { ...r.cells, [cellId]: parsed.value } }
      const overflow = totalOverflow(next)
      if (overflow) return { ok: false, reason: overflow }
      commit(next, `填写“${spec.name}”`)
    }
    return parsed
  }

  /** Several cells at once (a pasted block): valid ones change as one undo step. */
  function setCells(
    entries: Readonly<Record<string, string | number | null>>,
    description: string,
  ): BulkResult {
    const r = report.value
    if (!r) return { changed: 0, rejected: [] }
    const specs = cellMap(formatOf(r))
    if (readOnly.value) {
      const rejected = Object.keys(entries).flatMap((cellId) => {
        const spec = specs.get(cellId)
        return spec ? [{ cellId, name: spec.name, reason: READ_ONLY_REASON }] : []
      })
      return { changed: 0, rejected }
    }
    const cells = { ...r.cells }
    const rejected: RejectedCell[] = []
    let changed = 0
    for (const [cellId, text] of Object.entries(entries)) {
      const spec = specs.get(cellId)
      if (!spec) continue
      const parsed = isComputedCell(r, cellId)
        ? ({ ok: false, reason: COMPUTED_REASON } as const)
        : parseCellInput(text, spec)
      const overflow =
        parsed.ok && cells[cellId] !== parsed.value
          ? totalOverflow({ ...r, cells: { ...cells, [cellId]: parsed.value } })
          : undefined
      const reason = parsed.ok ? overflow : parsed.reason
      if (reason) {
        rejected.push({ cellId, name: spec.name, reason })
      } else if (parsed.ok && cells[cellId] !== parsed.value) {
        cells[cellId] = parsed.value
        changed++
      }
    }
    if (changed) commit({ ...r, cells }, description)
    return { changed, rejected }
  }

  /**
   * The text of a section; `inserted` is what the clerk typed or inserted (for the undo steps:
   * after a sentence end the next typing is a new step).
   */
  function setNarrative(key: NarrativeKey, text: string, inserted?: string | null) {
    const r = report.value
    if (!r || r.narrative[key] === text) return
    const heading = sectionHeading(formatOf(r), key)
    commit(
      { ...r, narrative: { ...r.narrative, [key]: text } },
      `编辑“${heading}”`,
      `narrative.${key}`,
      endsSentence(inserted),
    )
  }

  /** 「说明」 for a warning or info, one undo step; an error or an empty reason is refused. */
  function explainFinding(finding: Finding, reason: string): ParseResult {
    const r = report.value
    if (!r) return { ok: false, reason: '尚未打开报告' }
    if (readOnly.value) return { ok: false, reason: READ_ONLY_REASON }
    const written = explain(finding, r, reason, localDate(new Date()))
    if ('error' in written) return { ok: false, reason: written.error }
    commit({ ...r, explanations: withExplanation(r, finding, written) }, `说明“${finding.ruleId}”`)
    return { ok: true, value: null }
  }

  function withdrawExplanation(finding: Finding) {
    const r = report.value
    if (!r) return
    commit(
      { ...r, explanations: withExplanation(r, finding, null) },
      `撤回“${finding.ruleId}”的说明`,
    )
  }

  /** Changes the report information; a year in another format's range is refused. */
  function updateMeta(meta: ReportMeta): ParseResult {
    const r = report.value
    if (!r) return { ok: false, reason: '尚未打开报告' }
    if (readOnly.value) return { ok: false, reason: READ_ONLY_REASON }
    if (formatForYear(meta.year).id !== r.formatId) {
      return {
        ok: false,
        reason: `${meta.year}年度使用另一版表格格式，请新建该年度的报告`,
      }
    }
    commit({ ...r, meta: { ...meta } }, '修改报告信息', 'meta')
    return { ok: true, value: null }
  }

  function setTotalsMode(table: TableKey, mode: TotalsMode) {
    const r = report.value
    if (!r || r.totalsMode[table] === mode) return
    const name = sectionHeading(formatOf(r), table)
    commit(
      { ...r, totalsMode: { ...r.totalsMode, [table]: mode } },
      mode === 'manual' ? `${name}：改为手工填写合计` : `${name}：合计改为自动计算`,
    )
  }

  /** 「按分项重算合计」 for one table, whatever its mode. */
  function recomputeTable(table: TableKey) {
    const r = report.value
    if (!r) return
    commit({ ...r, cells: recomputeTotals(r, [table]) }, '按分项重算合计')
  }

  /** Blank cells the user could type (computed totals excluded) in the given tables. */
  function blankCells(tables: readonly TableKey[] = TABLE_KEYS): string[] {
    const r = report.value
    if (!r) return []
    return Object.keys(r.cells).filter(
      (id) =>
        r.cells[id] === null &&
        tables.includes(id.split('.')[0] as TableKey) &&
        !isComputedCell(r, id),
    )
  }

  /** Fills every blank input cell of the tables with 0, as one undo step; returns how many. */
  function fillBlanksWithZero(tables: readonly TableKey[] = TABLE_KEYS): number {
    const r = report.value
    const ids = blankCells(tables)
    if (!r || !ids.length) return 0
    const cells = { ...r.cells }
    for (const id of ids) cells[id] = 0
    commit({ ...r, cells }, `空白单元格填 0（${ids.length} 格）`)
    return ids.length
  }

  /**
   * Replaces the whole report (an import) as ONE undo step. With no draft open, starts a new
   * draft holding it instead.
   */
  function replaceReport(next: Report, description: string): boolean {
    if (!report.value) return createDraft(next)
    return commit(next, description)
  }

  function undo() {
    const step = past.value.at(-1)
    if (!step || readOnly.value) return
    past.value = past.value.slice(0, -1)
    future.value = [...future.value, step]
    report.value = step.before
    lastAction.value = `已撤销：${step.description}`
    scheduleSave()
  }

  function redo() {
    const step = future.value.at(-1)
    if (!step || readOnly.value) return
    future.value = future.value.slice(0, -1)
    past.value = [...past.value, { ...step, at: Date.now() - COALESCE_MS }]
    report.value = step.after
    lastAction.value = `已重做：${step.description}`
    scheduleSave()
  }

  const reopen = library.load()
  if (reopen) open(reopen)

  return {
    report,
    lastYear,
    draftId,
    drafts,
    notices,
    saveState,
    saveError,
    unavailable,
    conflict,
    openElsewhere,
    lastAction,
    readOnly,
    canUndo,
    canRedo,
    undoLabel,
    redoLabel,
    flush,
    dismissNotice: library.dismissNotice,
    createDraft,
    switchDraft,
    closeDraft,
    deleteDraft,
    renameDraft,
    reloadNewest,
    backupDrafts,
    localDrafts,
    restoreBackup,
    setLastYear,
    setCell,
    setCells,
    setNarrative,
    explainFinding,
    withdrawExplanation,
    updateMeta,
    setTotalsMode,
    recomputeTable,
    blankCells,
    fillBlanksWithZero,
    replaceReport,
    undo,
    redo,
  }
})

export type DraftStore = ReturnType<typeof useDraftStore>
