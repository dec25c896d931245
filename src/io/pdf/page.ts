/**
 * Page geometry after GB/T 9704-2012 (党政机关公文格式): A4, text area 156 × 225 mm, 22 lines of
 * 28 characters of 3号 type. All lengths in millimetres, font sizes in points.
 */
import type { jsPDF } from 'jspdf'
import { FONT_FAMILY, type FontWeight } from './fonts'
import { breakParagraph, type BrokenLine } from './lineBreak'
import { MARGIN, TEXT_BOTTOM, TEXT_WIDTH } from '../printGeometry'

export { MARGIN, PAGE, TEXT_BOTTOM, TEXT_WIDTH } from '../printGeometry'

export const PT = 25.4 / 72
/** Body size: 28 characters fill the 156 mm line exactly (3号 is 16 pt). */
export const BODY_PT = TEXT_WIDTH / 28 / PT
/** 22 lines on the 225 mm text height. */
export const BODY_LINE = (TEXT_BOTTOM - MARGIN.top) / 22
export const TITLE_PT = 22
export const TITLE_LINE = 12

/** Baseline of a line of `sizePt` type centred in a box from `top` of height `height`. */
export const baselineIn = (top: number, height: number, sizePt: number) =>
  top + height / 2 + 0.36 * sizePt * PT

/**
 * Broken lines by font, size, width and text, kept between exports: the fonts' advance widths are
 * the same in every subset, so an export of an unchanged (or slightly edited) report breaks only
 * the paragraphs and cells that changed.
 */
const brokenLines = new Map<string, BrokenLine[]>()
const MAX_KEPT_LINES = 20_000

/** A jsPDF document with a text cursor that opens a new page when the text area is full. */
export class PageWriter {
  y: number = MARGIN.top
  private font = ''

  constructor(readonly doc: jsPDF) {}

  use(weight: FontWeight, sizePt: number) {
    this.doc.setFont(FONT_FAMILY, weight)
    this.doc.setFontSize(sizePt)
    this.font = `${weight} ${sizePt}`
  }

  /** Width in mm of `text` in the current font. */
  readonly measure = (text: string) => this.doc.getTextWidth(text)

  newPage() {
    this.doc.addPage()
    this.y = MARGIN.top
  }

  /** Moves to a new page unless `height` more millimetres fit on this one. */
  ensure(height: number) {
    if (this.y + height > TEXT_BOTTOM + 0.01) this.newPage()
  }

  lines(text: string, width: number, firstIndent = 0): BrokenLine[] {
    const key = `${this.font} ${width} ${firstIndent} ${text}`
    let lines = brokenLines.get(key)
    if (!lines) {
      lines = breakParagraph(text, width, this.measure, firstIndent)
      if (brokenLines.size >= MAX_KEPT_LINES) brokenLines.clear()
      brokenLines.set(key, lines)
    }
    return lines
  }

  /**
   * Writes one line at the cursor; `justify` spreads it to `width` by letter spacing, as Chinese
   * body text is set flush on both sides.
   */
  writeLine(
    line: BrokenLine,
    x: number,
    width: number,
    pitch: number,
    sizePt: number,
    justify = false,
  ) {
    this.ensure(pitch)
    const glyphs = [...line.text].length
    const slack = width - line.width
    const charSpace = justify && !line.last && glyphs > 1 && slack > 0 ? slack / (glyphs - 1) : 0
    this.doc.text(line.text, x, baselineIn(this.y, pitch, sizePt), charSpace ? { charSpace } : {})
    this.y += pitch
  }
}
