/**
 * A small CJK line breaker with the Chinese kinsoku rules (GB/T 15834 practice): no line starts
 * with closing punctuation and none ends with opening punctuation; runs of Latin letters and
 * digits (`2020`, `1.5`) and the doubled `——` / `……` are never split.
 * jsPDF's splitTextToSize breaks per character and ignores these rules.
 */

/** May not begin a line. */
export const CLOSING = new Set([...'，。、；：？！）》」』】〕〉〗”’…%％·・．,.;:?!)]}>', '\u00a0'])
/** May not end a line. */
export const OPENING = new Set([...'（《「『【〔〈〖“‘([{<'])

export interface BrokenLine {
  readonly text: string
  readonly width: number
  /** True for the last line of a paragraph (not justified). */
  readonly last: boolean
}

export type Measure = (text: string) => number

/** Rounding slack: 28 characters of 156/28 mm must fit a 156 mm line. */
const EPSILON = 1e-6

/** Atoms: a Latin/digit run, a doubled dash or ellipsis, or one code point. */
const ATOM = /[A-Za-z0-9]+(?:[.,:/][A-Za-z0-9]+)*|——+|……+|[\s\S]/gu

/** Units that may not be separated: an atom with its trailing closing and leading opening marks. */
function units(text: string): string[] {
  const out: string[] = []
  let opening = ''
  for (const [atom] of text.matchAll(ATOM)) {
    if (OPENING.has(atom)) {
      opening += atom
    } else if (CLOSING.has(atom) && !opening && out.length > 0) {
      out[out.length - 1] += atom
    } else {
      out.push(opening + atom)
      opening = ''
    }
  }
  if (opening) out.push(opening)
  return out
}

/**
 * Breaks one paragraph (no newlines) into lines no wider than `maxWidth`; `firstIndent` is taken
 * off the first line's width (the two-character indent of Chinese body text).
 */
export function breakParagraph(
  text: string,
  maxWidth: number,
  measure: Measure,
  firstIndent = 0,
): BrokenLine[] {
  const lines: { text: string; width: number }[] = []
  let line = ''
  let width = 0 // of `line`: widths add up, jsPDF does no kerning
  let available = maxWidth - firstIndent
  const push = () => {
    const trimmed = line.replace(/[ \t]+$/, '')
    lines.push({ text: trimmed, width: trimmed === line ? width : measure(trimmed) })
    line = ''
    width = 0
    available = maxWidth
  }
  const add = (text: string, textWidth: number) => {
    line += text
    width += textWidth
  }
  for (const unit of units(text)) {
    if (!line && /^[ \t]+$/.test(unit)) continue // no spaces at the start of a line
    const unitWidth = measure(unit)
    if (width + unitWidth <= available + EPSILON) {
      add(unit, unitWidth)
      continue
    }
    if (line) push()
    if (/^[ \t]+$/.test(unit)) continue
    if (unitWidth <= available + EPSILON) {
      add(unit, unitWidth)
      continue
    }
    // A unit wider than a whole line (a long number, a one-character-wide table column): break it
    // per code point, letting closing punctuation hang past the end rather than start a line.
    for (const ch of unit) {
      const chWidth = measure(ch)
      if (line && !CLOSING.has(ch) && width + chWidth > available + EPSILON) push()
      add(ch, chWidth)
    }
  }
  if (line || lines.length === 0) push()
  return lines.map((l, i) => ({ ...l, last: i === lines.length - 1 }))
}

/** Paragraphs of a narrative text: one per non-blank line, surrounding whitespace removed. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean)
