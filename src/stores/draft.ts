/**
 * The draft store: the report being edited, its undo history and its autosave.
 *
 * Every change goes through `commit`, which recomputes the totals of tables in computed mode,
 * records one undo step and schedules a save. `report` is replaced (never mutated) on each change,
 * so everything derived from it (findings, totals) recomputes once per change.
 */
import { useEventListener } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  cellMap,
  formatForYear,
  formatOf,
  isComputedCell,
  parseCellInput,
  recomputeTotals,
  sectionHeading,
  TABLE_KEYS,
  totalOverflow,
  type NarrativeKey,
  type ParseResult,
  type Report,
  type ReportMeta,
  type TableKey,
  type TotalsMode,
} from '../domain'
import { getStorage, isQuotaExceeded } from '../io/storage'
import { COALESCE_MS, pushStep, type HistoryStep } from './history'
import {
  draftKey,
  emptyIndex,
  INDEX_KEY,
  INDEX_VERSION,
  lastYearKey,
  newDraftId,
  orphanDraftIds,
  readIndex,
  readReport,
  summaryOf,
  type DraftIndex,
  type DraftSummary,
} from './persistence'

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

export type SaveState = 'saved' | 'pending' | 'failed'

const QUOTA_MESSAGE =
  '本机浏览器的存储空间已满，最近的修改还没有保存（页面上的内容仍在）。请先用「导出 Excel」备份，或删除不用的草稿后继续编辑，系统会自动重试保存。'
const COMPUTED_REASON = '合计由分项自动计算，不能直接填写（如需手工填写，请先切换为“手工填写合计”）'

const withTotals = (r: Report): Report =>
  TABLE_KEYS.some((t) => r.totalsMode[t] === 'computed') ? { ...r, cells: recomputeTotals(r) } : r

const sameContent = (a: Report, b: Report) => JSON.stringify(a) === JSON.stringify(b)

export const useDraftStore = defineStore('draft', () => {
  const storage = getStorage()

  /** The report being edited, or null on the start page. Replace it only through the actions. */
  const report = shallowRef<Report | null>(null)
  /**
   * Last year's report (imported read-only beside the draft) for carry-over and cross-year rules.
   * Set it with `setLastYear`; it is stored with the draft but is not part of the undo history.
   */
  const lastYear = shallowRef<Report | null>(null)
  const draftId = ref<string | null>(null)
  const drafts = ref<DraftSummary[]>([])
  /** Messages for the user about stored data (a draft that could not be read, set aside …). */
  const notices = ref<string[]>([])
  const saveState = ref<SaveState>('saved')
  const saveError = ref<string | null>(null)
  /** What the last change, undo or redo did, for a short status line. */
  const lastAction = ref('')

  const past = shallowRef<HistoryStep[]>([])
  const future = shallowRef<HistoryStep[]>([])
  const canUndo = computed(() => past.value.length > 0)
  const canRedo = computed(() => future.value.length > 0)
  const undoLabel = computed(() => past.value.at(-1)?.description ?? '')
  const redoLabel = computed(() => future.value.at(-1)?.description ?? '')

  // ------------------------------------------------------------------------------------------
  // Persistence

  let saveTimer: ReturnType<typeof setTimeout> | undefined

  function writeIndex(index: DraftIndex) {
    storage.setItem(INDEX_KEY, JSON.stringify(index))
  }

  function currentIndex(): DraftIndex {
    return { schemaVersion: INDEX_VERSION, activeId: draftId.value, drafts: drafts.value }
  }

  /** Writes the open draft now. Returns false (and says why) when the browser refused. */
  function flush(): boolean {
    clearTimeout(saveTimer)
    saveTimer = undefined
    const r = report.value
    const id = draftId.value
    try {
      if (r && id) {
        storage.setItem(draftKey(id), JSON.stringify(r))
        const summary = summaryOf(id, r)
        drafts.value = drafts.value.some((d) => d.id === id)
          ? drafts.value.map((d) => (d.id === id ? summary : d))
          : [summary, ...drafts.value]
      }
      writeIndex(currentIndex())
      saveState.value = 'saved'
      saveError.value = null
      return true
    } catch (error) {
      saveState.value = 'failed'
      saveError.value = isQuotaExceeded(error)
        ? QUOTA_MESSAGE
        : `自动保存失败：${error instanceof Error ? error.message : String(error)}。页面上的内容仍在，请先导出备份。`
      return false
    }
  }

  function scheduleSave() {
    saveState.value = 'pending'
    clearTimeout(saveTimer)
    saveTimer = setTimeout(flush, SAVE_DELAY_MS)
  }

  // A closing or hidden tab may never run the timer: save right away.
  if (typeof window !== 'undefined') {
    useEventListener(window, 'pagehide', () => saveTimer && flush())
    useEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden' && saveTimer) flush()
    })
  }

  function tell(message: string) {
    notices.value = [...notices.value, message]
  }

  function dismissNotice(index: number) {
    notices.value = notices.value.filter((_, i) => i !== index)
  }

  function load() {
    const read = readIndex(storage)
    let index: DraftIndex = emptyIndex()
    if (read.ok) index = read.value
    else
      tell(`草稿目录无法读取，原数据已另存为“${read.asideKey}”，不会被删除。已尽量找回各份草稿。`)
    const list = [...index.drafts]
    for (const id of orphanDraftIds(storage, index)) {
      const found = readReport(storage, draftKey(id))
      if (found?.ok) list.push(summaryOf(id, found.value))
      else if (found) tellUnreadable(id, found.reason, found.asideKey)
    }
    drafts.value = list
    if (index.activeId && list.some((d) => d.id === index.activeId)) open(index.activeId)
  }

  function tellUnreadable(id: string, reason: string, asideKey?: string) {
    const title = drafts.value.find((d) => d.id === id)?.title ?? '一份草稿'
    tell(
      `“${title}”无法读取（${reason}）。原始数据已另存在本机浏览器中（键名“${asideKey}”），没有删除；请联系技术人员协助恢复，或重新导入备份。`,
    )
  }

  function resetHistory() {
    past.value = []
    future.value = []
    lastAction.value = ''
  }

  /** Opens a stored draft; false (and a notice) when it cannot be read. */
  function open(id: string): boolean {
    const found = readReport(storage, draftKey(id))
    if (!found || !found.ok) {
      if (found) tellUnreadable(id, found.reason, found.asideKey)
      else tell('这份草稿在本机已不存在。')
      drafts.value = drafts.value.filter((d) => d.id !== id)
      if (draftId.value === id) draftId.value = null
      tryWriteIndex()
      return false
    }
    const previous = readReport(storage, lastYearKey(id))
    if (previous && !previous.ok) tell(`上年度报告无法读取（${previous.reason}），已另存。`)
    draftId.value = id
    report.value = found.value
    lastYear.value = previous?.ok ? previous.value : null
    resetHistory()
    tryWriteIndex()
    return true
  }

  function tryWriteIndex() {
    try {
      writeIndex(currentIndex())
    } catch {
      /* the next successful save rewrites the index */
    }
  }

  // ------------------------------------------------------------------------------------------
  // Drafts

  /** Saves the open draft before leaving it; refuses to leave unsaved work behind. */
  function leaveCurrent(): boolean {
    if (!report.value) return true
    return flush()
  }

  /** Starts a new draft holding `initial` and opens it (not an undo step). */
  function createDraft(initial: Report): boolean {
    if (!leaveCurrent()) return false
    const id = newDraftId()
    draftId.value = id
    report.value = withTotals(initial)
    lastYear.value = null
    resetHistory()
    return flush()
  }

  function switchDraft(id: string): boolean {
    if (id === draftId.value) return true
    if (!leaveCurrent()) return false
    return open(id)
  }

  /** Back to the start page; the draft stays in the list. */
  function closeDraft(): boolean {
    if (!leaveCurrent()) return false
    report.value = null
    lastYear.value = null
    draftId.value = null
    resetHistory()
    tryWriteIndex()
    return true
  }

  function deleteDraft(id: string) {
    storage.removeItem(draftKey(id))
    storage.removeItem(lastYearKey(id))
    drafts.value = drafts.value.filter((d) => d.id !== id)
    if (draftId.value === id) {
      clearTimeout(saveTimer)
      saveTimer = undefined
      report.value = null
      lastYear.value = null
      draftId.value = null
      resetHistory()
    }
    tryWriteIndex()
  }

  function setLastYear(previous: Report | null): boolean {
    lastYear.value = previous
    if (!draftId.value) return true
    try {
      if (previous) storage.setItem(lastYearKey(draftId.value), JSON.stringify(previous))
      else storage.removeItem(lastYearKey(draftId.value))
      return true
    } catch (error) {
      saveState.value = 'failed'
      saveError.value = isQuotaExceeded(error) ? QUOTA_MESSAGE : '上年度报告保存失败。'
      return false
    }
  }

  // ------------------------------------------------------------------------------------------
  // Changes (each one undo step)

  function commit(next: Report, description: string, coalesceKey?: string): boolean {
    const current = report.value
    if (!current) return false
    const settled = withTotals(next)
    if (sameContent(current, settled)) return false
    past.value = pushStep(past.value, {
      before: current,
      after: settled,
      description,
      ...(coalesceKey ? { coalesceKey } : {}),
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

  function setNarrative(key: NarrativeKey, text: string) {
    const r = report.value
    if (!r || r.narrative[key] === text) return
    const heading = sectionHeading(formatOf(r), key)
    commit(
      { ...r, narrative: { ...r.narrative, [key]: text } },
      `编辑“${heading}”`,
      `narrative.${key}`,
    )
  }

  /** Changes the report information; a year in another format's range is refused. */
  function updateMeta(meta: ReportMeta): ParseResult {
    const r = report.value
    if (!r) return { ok: false, reason: '尚未打开报告' }
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
    if (!step) return
    past.value = past.value.slice(0, -1)
    future.value = [...future.value, step]
    report.value = step.before
    lastAction.value = `已撤销：${step.description}`
    scheduleSave()
  }

  function redo() {
    const step = future.value.at(-1)
    if (!step) return
    future.value = future.value.slice(0, -1)
    past.value = [...past.value, { ...step, at: Date.now() - COALESCE_MS }]
    report.value = step.after
    lastAction.value = `已重做：${step.description}`
    scheduleSave()
  }

  load()

  return {
    report,
    lastYear,
    draftId,
    drafts,
    notices,
    saveState,
    saveError,
    lastAction,
    canUndo,
    canRedo,
    undoLabel,
    redoLabel,
    flush,
    dismissNotice,
    createDraft,
    switchDraft,
    closeDraft,
    deleteDraft,
    setLastYear,
    setCell,
    setCells,
    setNarrative,
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
