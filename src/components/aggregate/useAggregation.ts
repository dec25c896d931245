/**
 * State of the 汇总 view: the units' files as they are read (a few workers at a time), the
 * progress shown to the user, and the aggregate recomputed from the units and the user's choices.
 */
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import {
  aggregate,
  unitFindings,
  unitFromImport,
  type AggregateResult,
  type UnitInput,
} from '../../domain'

/** How often the progress and the table catch up with the files read (the issue asks ≤ 200 ms). */
export const PROGRESS_TICK_MS = 100
/** The table (and the sum under it) catches up less often: re-rendering 300 rows ten times a
 * second would take the main thread from the files still being read. */
const TABLE_EVERY_TICKS = 10

export function useAggregation() {
  const units = shallowRef<readonly UnitInput[]>([])
  /** Per unit id: included or excluded by the user (otherwise the status decides). */
  const include = ref<Record<string, boolean>>({})
  const year = ref<number | null>(null)
  const total = ref(0)
  const done = ref(0)
  const reading = ref(false)
  let controller: AbortController | undefined
  let nextId = 1

  const result = computed<AggregateResult>(() =>
    aggregate(units.value, {
      include: include.value,
      ...(year.value ? { year: year.value } : {}),
    }),
  )

  /** Reads the files (added to those already there); the table fills as they arrive. */
  async function addFiles(files: readonly File[]) {
    if (!files.length || reading.value) return
    controller = new AbortController()
    const { signal } = controller
    const ids = files.map(() => String(nextId++))
    const arrived: UnitInput[] = []
    const answered = new Set<number>()
    let readCount = 0
    total.value = files.length
    done.value = 0
    reading.value = true
    let ticks = 0
    const progress = () => {
      done.value = readCount
      if (++ticks % TABLE_EVERY_TICKS === 0) flush()
    }
    const flush = () => {
      done.value = readCount
      // In the order the files were chosen, whatever order the workers finish in: the earlier
      // of two duplicates is the one kept.
      if (arrived.length)
        units.value = [...units.value, ...arrived.splice(0)].sort((a, b) => +a.id - +b.id)
    }
    const timer = setInterval(progress, PROGRESS_TICK_MS)
    try {
      const { readFiles } = await import('../../io/excel/pool')
      await readFiles(files, {
        signal,
        onOutcome(index, outcome) {
          const unit = unitFromImport(ids[index]!, files[index]!.name, outcome)
          // Validate as each file arrives, so summing later needs no long pause.
          if (unit.report) unitFindings(unit.report)
          arrived.push(unit)
          answered.add(index)
          readCount++
        },
      })
    } catch {
      // The pool reports each file's problem itself; this is the reader failing to load at all.
      files.forEach((f, i) => {
        if (!answered.has(i))
          arrived.push({ id: ids[i]!, source: f.name, error: '读取模块加载失败' })
      })
    } finally {
      clearInterval(timer)
      flush()
      reading.value = false
      controller = undefined
    }
  }

  function cancel() {
    controller?.abort()
  }

  function setIncluded(id: string, value: boolean) {
    include.value = { ...include.value, [id]: value }
  }

  function clear() {
    cancel()
    units.value = []
    include.value = {}
    total.value = 0
    done.value = 0
  }

  onScopeDispose(cancel)

  return {
    units,
    include,
    year,
    total,
    done,
    reading,
    result,
    addFiles,
    cancel,
    setIncluded,
    clear,
  }
}
