/**
 * Findings over the open draft: `validate` runs once per change of the report (the draft store
 * replaces the report object on every change), never per cell. Also holds which finding the user
 * selected, so tables can outline its cells.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { partitionFindings, validate, type Finding, type Severity } from '../domain'
import { useDraftStore } from './draft'

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
}

export const findingKey = (f: Finding) =>
  `${f.ruleId}|${f.section ?? ''}|${f.cells.join(',')}|${f.message}`

export const useFindingsStore = defineStore('findings', () => {
  const draft = useDraftStore()

  const findings = computed<readonly Finding[]>(() => {
    const report = draft.report
    if (!report) return []
    return validate(report, {
      today: new Date(),
      ...(draft.lastYear ? { lastYear: draft.lastYear } : {}),
    })
  })

  /** Findings still to look at, and those the clerk explained (「已说明」) with the reason. */
  const partition = computed(() =>
    draft.report ? partitionFindings(findings.value, draft.report) : { open: [], explained: [] },
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
    for (const f of findings.value) {
      for (const key of keysOf(f)) {
        const list = map.get(key)
        if (list) list.push(f)
        else map.set(key, [f])
      }
    }
    return map
  }
  /** Findings per cell id and per narrative section (or 'meta'), most severe first. */
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

  return { findings, open, explained, counts, byCell, bySection, selected, outlinedCells, select }
})

export type FindingsStore = ReturnType<typeof useFindingsStore>
