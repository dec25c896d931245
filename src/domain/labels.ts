/**
 * Label normalisation and matching of printed labels against the format data: the one place that
 * decides which official label a variant stands for, for the importer (locate.ts) and for the
 * label rules T2-LABEL / T3-LABEL. Real tables differ from the official text in spacing, line
 * breaks, full/half-width punctuation, `1、` for `1.`, quotes, and `社会组织` for `社会公益组织`
 * (rules.md, "Label variants").
 */
import type { TableSpec } from './formats'

/** Wording people print instead of the official label (format.md §3.3: the seed report). */
const WORDING_VARIANTS: readonly (readonly [RegExp, string])[] = [[/社会组织/g, '社会公益组织']]

/** A comparable form of a label: same text for every harmless variant of it. */
export function normalizeLabel(text: string): string {
  let s = text.normalize('NFKC').replace(/[\s\u200b\ufeff]+/g, '')
  s = s.replace(/["'“”‘’「」『』]/g, '')
  // Item numbers: `1、` `1．` `1,` → `1.`; `一.` → `一、`.
  s = s.replace(/^(\d{1,2})[、.,]/, '$1.').replace(/^([一二三四五六七八九十]{1,3})[.,]/, '$1、')
  for (const [pattern, official] of WORDING_VARIANTS) s = s.replace(pattern, official)
  return s
}

/** True when the text could be a label at all (has a CJK character), not a number or blank. */
export const looksLikeLabel = (text: string) => /[\u4e00-\u9fff]/.test(text)

/** 1 − edit distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function editSimilarity(a: string, b: string): number {
  if (a === b) return 1
  const longer = Math.max(a.length, b.length)
  if (longer === 0) return 1
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution))
    }
    previous = current
  }
  return 1 - previous[b.length]! / longer
}

/** Below this, two labels are different labels, not a typo of one another. */
export const LOOSE_MATCH_THRESHOLD = 0.7
/** Labels shorter than this (`规章`, `其他`) are matched exactly only: one typo changes them. */
export const LOOSE_MATCH_MIN_LENGTH = 4

/** Every label a table prints: leaves and groups, rows and columns, block headers, corner note. */
export function printedLabels(table: TableSpec): string[] {
  const out: string[] = []
  type LabelNode = { readonly label: string; readonly children?: readonly LabelNode[] }
  const walk = (nodes: readonly LabelNode[]) => {
    for (const node of nodes) {
      if (node.label) out.push(node.label)
      if (node.children) walk(node.children)
    }
  }
  if (table.cornerNote) out.push(table.cornerNote)
  for (const block of table.blocks) {
    if (block.header) out.push(block.header)
    if (block.stubLabel) out.push(block.stubLabel)
    walk(block.columns)
    walk(block.rows)
  }
  return [...new Set(out)]
}

/** Official labels prepared for matching: normalised form → the label as the format prints it. */
export type OfficialLabels = ReadonlyMap<string, string>

export const officialLabels = (labels: Iterable<string>): OfficialLabels =>
  new Map([...labels].map((label) => [normalizeLabel(label), label] as const))

export interface LabelMatch {
  /** The official label as the format prints it. */
  readonly official: string
  /** 1 when the normalised forms are equal. */
  readonly similarity: number
}

/**
 * The official label `text` stands for: the one with the same normalised form; else the closest
 * one at `LOOSE_MATCH_THRESHOLD` or above, when it is long enough to be matched loosely and no
 * other official label is as close. Undefined when the text names no official label.
 */
export function matchLabel(text: string, officials: OfficialLabels): LabelMatch | undefined {
  const norm = normalizeLabel(text)
  const same = officials.get(norm)
  if (same !== undefined) return { official: same, similarity: 1 }
  let best: string | undefined
  let bestNorm = ''
  let bestScore = 0
  let tied = false
  for (const [official, label] of officials) {
    const score = editSimilarity(norm, official)
    if (score < bestScore) continue
    tied = score === bestScore
    ;[best, bestNorm, bestScore] = [label, official, score]
  }
  if (
    best === undefined ||
    tied ||
    bestScore < LOOSE_MATCH_THRESHOLD ||
    bestNorm.length < LOOSE_MATCH_MIN_LENGTH
  ) {
    return undefined
  }
  return { official: best, similarity: bestScore }
}
