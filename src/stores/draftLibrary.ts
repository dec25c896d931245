/**
 * The drafts library over a key-value storage, without Vue: which drafts exist, reading one,
 * saving one only when no other window saved it since (a revision per draft), renaming and
 * deleting. Storage exceptions while loading become notices, never a failed start; writes throw
 * and the caller says why.
 *
 * Several windows share the storage, so every change of the index re-reads it first and changes
 * only the one entry concerned.
 */
import type { BackupDraft, LocalDraft, Report, RestoreStep } from '../domain'
import type { KeyValueStorage } from '../io/storage'
import {
  draftKey,
  emptyIndex,
  INDEX_KEY,
  isNewerText,
  lastYearKey,
  newerSummary,
  orphanDraftIds,
  readIndex,
  readStored,
  storedRevision,
  storedText,
  summaryOf,
  withoutNewerMark,
  writeIndex,
  type DraftIndex,
  type DraftSummary,
} from './persistence'

export type OpenResult =
  | {
      ok: true
      report: Report
      lastYear: Report | null
      revision: number
      notices: string[]
    }
  | { ok: false; notice: string }

export type SaveResult =
  | { ok: true; revision: number }
  /** Another window saved a newer revision (or deleted the draft); nothing was written. */
  | { ok: false; conflict: true; theirRevision: number }
  | { ok: false; conflict: false; error: unknown }

/** `title` is the draft's as listed; a draft found without an index entry has none. */
export function unreadableNotice(title: string | undefined, reason: string, asideKey?: string) {
  const which = title ? `“${title}”` : '一份草稿'
  const where = asideKey
    ? `原始数据已另存在本机浏览器中（键名“${asideKey}”），没有删除`
    : '原始数据仍保留在本机浏览器中，没有删除'
  return `${which}无法读取（${reason}）。${where}；请联系技术人员协助恢复，或重新导入备份。`
}

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error))

export class DraftLibrary {
  private list: DraftSummary[] = []
  /** Drafts found to be of a newer version at the last read (kept marked between reads). */
  private readonly newerIds = new Set<string>()

  constructor(private readonly storage: KeyValueStorage) {}

  get drafts(): readonly DraftSummary[] {
    return this.list
  }

  summary(id: string): DraftSummary | undefined {
    return this.list.find((d) => d.id === id)
  }

  /**
   * Reads the index and finds drafts it lost. Never throws: whatever the storage does, the app
   * opens and the returned notices say what could not be read.
   */
  load(): { activeId: string | null; notices: string[] } {
    const notices: string[] = []
    let index: DraftIndex = emptyIndex()
    try {
      const read = readIndex(this.storage)
      if (read.ok) index = read.value
      else
        notices.push(
          read.asideKey
            ? `草稿目录无法读取，原数据已另存为“${read.asideKey}”，不会被删除。已尽量找回各份草稿。`
            : '草稿目录无法读取（原数据仍在原处，没有删除）。已尽量找回各份草稿。',
        )
      this.list = [...index.drafts]
      for (const id of orphanDraftIds(this.storage, index)) {
        const found = readStored(this.storage, draftKey(id))
        if (found?.ok) this.list.push(summaryOf(id, found.value.report))
        else if (found?.newer) this.list.push(newerSummary(id, undefined))
        else if (found) notices.push(unreadableNotice(undefined, found.reason, found.asideKey))
      }
      this.list = this.list.map((d) => this.markNewer(d))
    } catch (error) {
      notices.push(`读取本机保存的草稿时出错（${describeError(error)}），已尽量列出能读取的草稿。`)
    }
    const activeId =
      index.activeId && this.list.some((d) => d.id === index.activeId && !d.newer)
        ? index.activeId
        : null
    return { activeId, notices }
  }

  /** Re-reads the index after another window changed it (nothing is set aside or rewritten). */
  refresh(): void {
    try {
      const raw = this.storage.getItem(INDEX_KEY)
      const read = raw === null ? null : readIndex(this.storage)
      if (read?.ok) this.list = read.value.drafts.map((d) => this.markNewer(d))
    } catch {
      /* keep the list we have */
    }
  }

  /** A listed draft whose stored data is of a newer version is shown as such. */
  private markNewer(d: DraftSummary): DraftSummary {
    const entry = withoutNewerMark(d)
    const raw = this.storage.getItem(draftKey(d.id))
    if (raw === null || !isNewerText(raw)) {
      this.newerIds.delete(d.id)
      return entry
    }
    this.newerIds.add(d.id)
    return newerSummary(d.id, entry)
  }

  open(id: string): OpenResult {
    const listed = this.summary(id)
    if (listed?.newer) return { ok: false, notice: `“${listed.title}”${NEWER_NOTICE}` }
    let found
    try {
      found = readStored(this.storage, draftKey(id))
    } catch (error) {
      return { ok: false, notice: `这份草稿无法读取（${describeError(error)}）。` }
    }
    if (!found || !found.ok) {
      if (found?.newer) {
        this.list = this.list.map((d) => (d.id === id ? newerSummary(id, d) : d))
        return { ok: false, notice: `“${listed?.title ?? '这份草稿'}”${NEWER_NOTICE}` }
      }
      this.list = this.list.filter((d) => d.id !== id)
      this.tryUpdateIndex((list) => list.filter((d) => d.id !== id))
      return {
        ok: false,
        notice: found
          ? unreadableNotice(listed?.title, found.reason, found.asideKey)
          : '这份草稿在本机已不存在。',
      }
    }
    const notices: string[] = []
    let lastYear: Report | null = null
    try {
      const previous = readStored(this.storage, lastYearKey(id))
      if (previous?.ok) lastYear = previous.value.report
      else if (previous) notices.push(`上年度报告无法读取（${previous.reason}），已另存。`)
    } catch (error) {
      notices.push(`上年度报告无法读取（${describeError(error)}）。`)
    }
    this.setActive(id)
    return {
      ok: true,
      report: found.value.report,
      lastYear,
      revision: found.value.revision,
      notices,
    }
  }

  /** The stored revision of a draft right now. */
  revisionOf(id: string): number {
    return storedRevision(this.storage.getItem(draftKey(id)))
  }

  /**
   * Writes a draft as revision `base + 1`, unless the stored revision moved past `base` (another
   * window saved since we read it): then nothing is written.
   */
  save(id: string, report: Report, base: number, now = new Date()): SaveResult {
    try {
      const theirs = this.revisionOf(id)
      if (theirs > base) return { ok: false, conflict: true, theirRevision: theirs }
      const revision = base + 1
      this.storage.setItem(draftKey(id), storedText(report, revision, now))
      const customTitle = this.summary(id)?.customTitle
      const summary = summaryOf(id, report, now, {
        revision,
        ...(customTitle ? { customTitle } : {}),
      })
      this.updateIndex((list) => upsert(list, summary), id)
      return { ok: true, revision }
    } catch (error) {
      return { ok: false, conflict: false, error }
    }
  }

  /** Throws when the storage refuses. */
  saveLastYear(id: string, previous: Report | null): void {
    if (previous) this.storage.setItem(lastYearKey(id), JSON.stringify(previous))
    else this.storage.removeItem(lastYearKey(id))
  }

  readLastYear(id: string): Report | null {
    const found = readStored(this.storage, lastYearKey(id))
    return found?.ok ? found.value.report : null
  }

  remove(id: string): void {
    this.storage.removeItem(draftKey(id))
    this.storage.removeItem(lastYearKey(id))
    this.list = this.list.filter((d) => d.id !== id)
    this.tryUpdateIndex((list) => list.filter((d) => d.id !== id))
  }

  /** Gives a draft a name of the user's choice ('' goes back to the automatic title). */
  rename(id: string, title: string): void {
    const name = title.trim()
    this.updateIndex((list) =>
      list.map((d) => {
        if (d.id !== id) return d
        if (name) return { ...d, title: name, customTitle: name }
        const stored = readStored(this.storage, draftKey(id))
        if (!stored?.ok) return d
        return summaryOf(id, stored.value.report, new Date(d.updatedAt), {
          revision: stored.value.revision,
        })
      }),
    )
  }

  /**
   * Every draft this build can read, with its last-year report, for 「备份」. `open` is the
   * draft on the page: its unsaved state wins over what is stored.
   */
  backupDrafts(open?: { id: string; report: Report; lastYear: Report | null }): BackupDraft[] {
    const out: BackupDraft[] = []
    for (const d of this.list) {
      const found = d.newer ? null : readStored(this.storage, draftKey(d.id))
      const onPage = open?.id === d.id ? open : undefined
      const report = onPage?.report ?? (found?.ok ? found.value.report : null)
      if (!report) continue
      out.push({
        id: d.id,
        title: d.title,
        ...(d.customTitle ? { customTitle: d.customTitle } : {}),
        revision: found?.ok ? found.value.revision : (d.revision ?? 0),
        savedAt: onPage ? new Date().toISOString() : d.updatedAt,
        report,
        lastYear: onPage ? onPage.lastYear : this.readLastYear(d.id),
      })
    }
    if (open && !out.some((d) => d.id === open.id))
      out.push({
        id: open.id,
        title: summaryOf(open.id, open.report).title,
        revision: 0,
        savedAt: new Date().toISOString(),
        report: open.report,
        lastYear: open.lastYear,
      })
    return out
  }

  /** Drafts as stored here, to compare with a backup's. */
  localDrafts(): LocalDraft[] {
    return this.list.map((d) => {
      const found = d.newer ? null : readStored(this.storage, draftKey(d.id))
      return {
        id: d.id,
        revision: found?.ok ? found.value.revision : (d.revision ?? 0),
        updatedAt: d.updatedAt,
        report: found?.ok ? found.value.report : null,
        lastYear: found?.ok ? this.readLastYear(d.id) : null,
      }
    })
  }

  /**
   * Writes the backup's drafts that the plan adds or replaces. A replaced draft gets a revision
   * above the one stored, so a window that has it open notices. Returns the ids written and the
   * titles that could not be (the storage refused).
   */
  restore(steps: readonly RestoreStep[]): { written: string[]; failed: string[] } {
    const written: string[] = []
    const failed: string[] = []
    for (const { draft, action } of steps) {
      if (action !== 'add' && action !== 'replace') continue
      try {
        const revision = Math.max(draft.revision, this.revisionOf(draft.id)) + 1
        this.storage.setItem(
          draftKey(draft.id),
          storedText(draft.report, revision, new Date(draft.savedAt)),
        )
        this.saveLastYear(draft.id, draft.lastYear)
        const summary = summaryOf(draft.id, draft.report, new Date(draft.savedAt), {
          revision,
          ...(draft.customTitle ? { customTitle: draft.customTitle } : {}),
        })
        this.updateIndex((list) => upsert(list, summary))
        written.push(draft.id)
      } catch {
        failed.push(draft.title)
      }
    }
    return { written, failed }
  }

  /** Records which draft is open (best effort: a failure only forgets it for the next visit). */
  setActive(id: string | null): void {
    this.tryUpdateIndex((list) => list, id)
  }

  private tryUpdateIndex(
    change: (list: DraftSummary[]) => DraftSummary[],
    activeId?: string | null,
  ) {
    try {
      this.updateIndex(change, activeId)
    } catch {
      /* the next successful save rewrites the index */
    }
  }

  /**
   * Re-reads the stored index, keeps the drafts another window added, applies `change` and
   * writes it back. The in-memory list follows even when the write fails.
   */
  private updateIndex(change: (list: DraftSummary[]) => DraftSummary[], activeId?: string | null) {
    let stored: DraftIndex | null = null
    try {
      const read = this.storage.getItem(INDEX_KEY) === null ? null : readIndex(this.storage)
      if (read?.ok) stored = read.value
    } catch {
      stored = null
    }
    const base = stored ? [...stored.drafts] : []
    for (const d of this.list) {
      if (!base.some((b) => b.id === d.id) && this.storage.getItem(draftKey(d.id)) !== null)
        base.push(d)
    }
    this.list = change(base).map((d) => (this.newerIds.has(d.id) ? newerSummary(d.id, d) : d))
    writeIndex(this.storage, {
      schemaVersion: stored?.schemaVersion ?? 1,
      activeId: activeId === undefined ? (stored?.activeId ?? null) : activeId,
      drafts: this.list,
    })
  }
}

export const NEWER_NOTICE = '由新版本保存，请刷新页面（本页面的版本较旧，不会改动它）。'

/** Replaces a draft's entry, keeping fields a newer version may have added to it. */
function upsert(list: DraftSummary[], summary: DraftSummary): DraftSummary[] {
  const entry = (d: DraftSummary): DraftSummary => {
    const merged: DraftSummary = { ...d, ...summary }
    if (summary.customTitle) return merged
    return withoutCustomTitle(merged)
  }
  return list.some((d) => d.id === summary.id)
    ? list.map((d) => (d.id === summary.id ? entry(d) : d))
    : [summary, ...list]
}

const withoutCustomTitle = ({ customTitle: _, ...rest }: DraftSummary): DraftSummary => rest
