/**
 * 「说明」: the clerk's reason why a warning or info is right as it stands (as 电子税务局's
 * 比对异常说明). An explanation is stored with the report and belongs to one finding: its rule, its
 * place (section) and the cells it concerned with the values they had, plus the finding's message
 * (which names the figures or quotes the sentence). While all of these are unchanged the finding
 * counts as explained; a changed value or sentence re-opens it. Errors cannot be explained.
 */
import type { NarrativeKey } from './formats'
import type { Report } from './report'
import { isRuleId, type RuleId } from './rules/catalogue'
import type { Finding } from './rules/types'

export interface Explanation {
  readonly ruleId: RuleId
  readonly section?: NarrativeKey | 'meta'
  /** The finding's cells (in its order) with the values they had when the reason was written. */
  readonly cells: readonly (readonly [cellId: string, value: number | null])[]
  /** The finding's message at that time: it names the figures or quotes the sentence. */
  readonly message: string
  readonly reason: string
  /** When it was written, `YYYY-MM-DD`. */
  readonly on: string
}

export interface ExplainedFinding {
  readonly finding: Finding
  readonly explanation: Explanation
}

/** Longest reason kept (a paragraph, not a document). */
export const MAX_REASON_LENGTH = 500

export const canExplain = (finding: Pick<Finding, 'severity'>): boolean =>
  finding.severity !== 'error'

const valueIn = (report: Report, id: string) => report.cells[id] ?? null

/** The explanation `reason` for `finding` as the report stands now. */
export function explain(
  finding: Finding,
  report: Report,
  reason: string,
  on: string,
): Explanation | { error: string } {
  if (!canExplain(finding)) return { error: '错误不能以说明代替修改，请改正数据或正文。' }
  const text = reason.trim()
  if (!text) return { error: '请写明理由。' }
  if (text.length > MAX_REASON_LENGTH) {
    return { error: `理由最多 ${MAX_REASON_LENGTH} 字，现有 ${text.length} 字。` }
  }
  return {
    ruleId: finding.ruleId,
    ...(finding.section ? { section: finding.section } : {}),
    cells: finding.cells.map((id) => [id, valueIn(report, id)] as const),
    message: finding.message,
    reason: text,
    on,
  }
}

/** Same rule, same place, same message: the explanation was written for this finding. */
const sameFinding = (e: Explanation, f: Finding) =>
  e.ruleId === f.ruleId &&
  (e.section ?? '') === (f.section ?? '') &&
  e.message === f.message &&
  e.cells.length === f.cells.length &&
  e.cells.every(([id], i) => id === f.cells[i])

/** The explanation that still covers `finding`: written for it, and its cells hold the same values. */
export function explanationOf(
  finding: Finding,
  report: Report,
  explanations: readonly Explanation[] = report.explanations ?? [],
): Explanation | undefined {
  if (!canExplain(finding)) return undefined
  return explanations.find(
    (e) => sameFinding(e, finding) && e.cells.every(([id, value]) => valueIn(report, id) === value),
  )
}

/** Findings still to look at, and the explained ones with their reasons; both in `validate`'s order. */
export function partitionFindings(
  findings: readonly Finding[],
  report: Report,
): { open: Finding[]; explained: ExplainedFinding[] } {
  const open: Finding[] = []
  const explained: ExplainedFinding[] = []
  const list = report.explanations ?? []
  for (const finding of findings) {
    const explanation = list.length ? explanationOf(finding, report, list) : undefined
    if (explanation) explained.push({ finding, explanation })
    else open.push(finding)
  }
  return { open, explained }
}

/**
 * The report's explanations with `next` in place of any earlier one for the same finding (same
 * rule, place and cells), or without it when `next` is null and `finding` is given.
 */
export function withExplanation(
  report: Report,
  finding: Finding,
  next: Explanation | null,
): readonly Explanation[] {
  const kept = (report.explanations ?? []).filter((e) => !sameFinding(e, finding))
  return next ? [...kept, next] : kept
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const SECTION_KEYS = new Set(['overview', 'problems', 'other', 'meta'])

/**
 * Stored explanations back from JSON, leniently: entries that are not well-formed are left out
 * (and counted), unknown fields ignored, only cell ids the format knows kept.
 */
export function restoreExplanations(
  raw: unknown,
  knownCell: (id: string) => boolean,
): { explanations: Explanation[]; dropped: number } {
  if (!Array.isArray(raw)) return { explanations: [], dropped: raw === undefined ? 0 : 1 }
  const explanations: Explanation[] = []
  let dropped = 0
  for (const entry of raw) {
    const e = isRecord(entry) ? entry : {}
    const { ruleId, section, cells, message, reason, on } = e
    const cellsOk =
      Array.isArray(cells) &&
      cells.every(
        (c) =>
          Array.isArray(c) &&
          c.length === 2 &&
          typeof c[0] === 'string' &&
          knownCell(c[0]) &&
          (c[1] === null || (typeof c[1] === 'number' && Number.isFinite(c[1]))),
      )
    if (
      typeof ruleId !== 'string' ||
      !isRuleId(ruleId) ||
      typeof message !== 'string' ||
      typeof reason !== 'string' ||
      !reason.trim() ||
      !cellsOk ||
      (section !== undefined && !(typeof section === 'string' && SECTION_KEYS.has(section)))
    ) {
      dropped++
      continue
    }
    explanations.push({
      ruleId,
      ...(section ? { section: section as Explanation['section'] } : {}),
      cells: (cells as [string, number | null][]).map(([id, v]) => [id, v] as const),
      message,
      reason: reason.trim().slice(0, MAX_REASON_LENGTH),
      on: typeof on === 'string' ? on : '',
    })
  }
  return { explanations, dropped }
}
