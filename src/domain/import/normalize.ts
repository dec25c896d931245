/**
 * Label normalisation and similarity for matching printed labels against the format data.
 * Real tables differ from the official text in spacing, line breaks, full/half-width punctuation,
 * `1、` for `1.`, quotes, and `社会组织` for `社会公益组织` (rules.md, "Label variants").
 */

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
