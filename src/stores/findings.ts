/**
 * Findings over the open draft: `validate` runs once per change of the report (the draft store
 * replaces the report object on every change), never per cell. Also holds which finding the user
 * selected, so tables can outline its cells.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import {
  NARRATIVE_KEYS,
  partitionFindings,
  validate,
  type Finding,
  type Report,
  type Severity,
} from '../domain'
import { useDraftStore } from './draft'

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
}

export const findingKey = (f: Finding) =>
  `${f.ruleId}|${f.section ?? ''}|${f.cells.join(',')}|${f.message}`

/** Above this many characters of narrative, typing is checked once the clerk pauses. */
export const LONG_TEXT = 20_000
/** The pause (ms) after which long text is checked: 300 ms, plus 1 ms per 1,000 characters. */
export const LONG_TEXT_DELAY_MS = 300
const checkDelay = (length: number) => LONG_TEXT_DELAY_MS + Math.round(length / 1000)

const narrativeLength = (r: Report) => NARRATIVE_KEYS.reduce((n, k) => n + r.narrative[k].length, 0)
const onlyTextChanged = (a: Report, b: Report) =>
  a.cells === b.cells &&
  a.meta === b.meta &&
  a.explanations === b.explanations &&
  NARRATIVE_KEYS.some((k) => a.narrative[k] !== b.narrative[k])

export const useFindingsStore = defineStore('findings', () => {
  const draft = useDraftStore()

  /**
   * The report the checks (and everything derived from the text) have read: the draft itself, except
   * while the clerk types in long text, when it follows after a short pause, so reading a very long
   * section never sits between a keystroke and the screen.
   */
  const checked = shallowRef<Report | null>(draft.report)
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(
    () => draft.report,
    (next) => {
      clearTimeout(timer)
      const last = checked.value
      const length = next ? narrativeLength(next) : 0
      if (next && last && onlyTextChanged(last, next) && length > LONG_TEXT) {
        timer = setTimeout(() => (checked.value = draft.report), checkDelay(length))
      } else checked.value = next
    },
    { flush: 'sync' },
  )

  const findings = computed<readonly Finding[]>(() => {
    const report = checked.value
    if (!report) return []
    return validate(report, {
      today: new Date(),
      ...(draft.lastYear ? { lastYear: draft.lastYear } : {}),
    })
  })

  /** Findings still to look at, and those the clerk explained (「已说明」) with the reason. */
  const partition = computed(() =>
    checked.value ? partitionFindings(findings.value, checked.value) : { open: [], explained: [] },
  )
  const open = computed(() => partition.value.open)
  const explained = computed(() => partition.value.explained)

  /** Open findings per severity; explained ones are counted apart. */
  const counts = computed(() => {
    const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
    for (const f of open.value) out[f.severity]++
    return out
  })

  /** Findings filed under each of the keys `keysOf` gives them, in `validate`'s order. */
  const groupedBy = (keysOf: (f: Finding) => readonly string[]) => {
    const map = new Map<string, Finding[]>()
    for (const f of open.value) {
      for (const key of keysOf(f)) {
        const list = map.get(key)
        if (list) list.push(f)
        else map.set(key, [f])
      }
    }
    return map
  }
  /** Open findings per cell id and per narrative section (or 'meta'), most severe first. */
  const byCell = computed(() => groupedBy((f) => f.cells))
  const bySection = computed(() => groupedBy((f) => (f.section ? [f.section] : [])))

  const selectedKey = shallowRef<string | null>(null)
  /** The selected finding while it still exists (it disappears when the user fixes it). */
  const selected = computed(
    () => findings.value.find((f) => findingKey(f) === selectedKey.value) ?? null,
  )
  const outlinedCells = computed(() => new Set(selected.value?.cells ?? []))

  function select(finding: Finding | null) {
    selectedKey.value = finding ? findingKey(finding) : null
  }

  return {
    checked,
    findings,
    open,
    explained,
    counts,
    byCell,
    bySection,
    selected,
    outlinedCells,
    select,
  }
})

export type FindingsStore = ReturnType<typeof useFindingsStore>
