/**
 * Lays out a report as a 公文-style A4 document with jsPDF: centred title, the six sections with
 * their exact headings, justified body text with a two-character indent, the format's tables,
 * the body's name and date at the end with room for the seal, page numbers `— 1 —`.
 */
import { GState, jsPDF } from 'jspdf'
import type { ReportContent } from './content'
import './flate' // jsPDF's FlateEncode, byte-identical and faster
import { embedWithoutJsPdf } from './fontStream'
import { FONT_FAMILY, type PdfFont } from './fonts'
import {
  BODY_LINE,
  BODY_PT,
  MARGIN,
  PAGE,
  PageWriter,
  PT,
  TEXT_BOTTOM,
  TEXT_WIDTH,
  TITLE_LINE,
  TITLE_PT,
} from './page'
import { drawTable, measureTable, type MeasuredTable } from './table'
import { measureSince, timed } from './timing'

export const DRAFT_MARK = '草稿·校验未通过'

export interface RenderOptions {
  readonly regular: PdfFont
  readonly bold: PdfFont
  /** Author and title metadata. */
  readonly agencyName: string
  /** Prints the draft mark on every page (an `error` finding is open). */
  readonly draft: boolean
}

const CHAR = BODY_PT * PT
/**
 * Space above the signature for the seal, which GB/T 9704 presses down over name and date; it
 * shrinks to half a line rather than leave the signature alone on a page.
 */
const SEAL_ROOM = 2 * BODY_LINE
const MIN_SEAL_ROOM = BODY_LINE / 2
const SIGNATURE = MIN_SEAL_ROOM + 2 * BODY_LINE
/** GB/T 9704 allows no page with the seal alone: the last lines of text go with the signature. */
const TAIL_LINES = 2
/** Space between a heading and its table. */
const TABLE_GAP = BODY_LINE * 0.15

export function renderReport(content: ReportContent, options: RenderOptions): jsPDF {
  const doc = new jsPDF({
    unit: 'mm',
    format: 'a4',
    orientation: 'portrait',
    compress: true,
    putOnlyUsedFonts: true,
  })
  timed('add-font', () => {
    embedFont(doc, options.regular, 'normal')
    embedFont(doc, options.bold, 'bold')
  })
  const layoutStarted = performance.now()
  doc.setProperties({
    title: content.title,
    author: options.agencyName,
    subject: '政府信息公开工作年度报告',
    creator: '政府信息公开年报助手',
  })
  doc.setLanguage('zh-CN')

  const page = new PageWriter(doc)
  page.use('bold', TITLE_PT)
  for (const line of titleLines(page, content)) {
    doc.text(line.text, MARGIN.left + (TEXT_WIDTH - line.width) / 2, page.y + TITLE_LINE * 0.75)
    page.y += TITLE_LINE
  }
  page.y += BODY_LINE / 2

  const paragraphLines = (text: string) => {
    page.use('normal', BODY_PT)
    return page.lines(text, TEXT_WIDTH, 2 * CHAR)
  }
  const lastBlock = content.blocks.length - 1
  const measured = new Map<number, MeasuredTable>()
  const tableAt = (i: number) => {
    const block = content.blocks[i]
    if (block?.kind !== 'table') return undefined
    if (!measured.has(i)) measured.set(i, measureTable(page, block.table, block.values))
    return measured.get(i)
  }
  for (const [i, block] of content.blocks.entries()) {
    if (block.kind === 'heading') {
      // A heading never ends a page: keep it with two lines of text or with the table's header
      // and first row; the last heading with a short section keeps all of it with the signature.
      const rest = content.blocks.slice(i + 1)
      const tail = rest.every((b) => b.kind === 'paragraph')
        ? rest.reduce((n, b) => n + paragraphLines(b.text).length, 0)
        : Infinity
      const table = tableAt(i + 1)
      page.ensure(
        tail <= TAIL_LINES
          ? (1 + tail) * BODY_LINE + SIGNATURE
          : table
            ? BODY_LINE + TABLE_GAP + table.startHeight
            : 3 * BODY_LINE,
      )
      page.use('bold', BODY_PT)
      for (const line of page.lines(block.text, TEXT_WIDTH, 2 * CHAR)) {
        page.writeLine(line, MARGIN.left + 2 * CHAR, TEXT_WIDTH, BODY_LINE, BODY_PT)
      }
    } else if (block.kind === 'paragraph') {
      const lines = paragraphLines(block.text)
      const tailFrom = i === lastBlock ? Math.max(0, lines.length - TAIL_LINES) : -1
      lines.forEach((line, n) => {
        if (n === tailFrom) page.ensure((lines.length - n) * BODY_LINE + SIGNATURE)
        const indent = n === 0 ? 2 * CHAR : 0
        page.writeLine(line, MARGIN.left + indent, TEXT_WIDTH - indent, BODY_LINE, BODY_PT, true)
      })
    } else {
      page.y += TABLE_GAP
      drawTable(page, tableAt(i)!)
      page.y += BODY_LINE * 0.5
    }
  }
  writeSignature(page, content.signature)
  finishPages(doc, options.draft)
  measureSince('layout', layoutStarted)
  return doc
}

/**
 * Registers a font that is already cut down to the report's characters (HarfBuzz), embedded as
 * it is by fontStream.ts: jsPDF's own TrueType subsetter copies the glyph table once per glyph
 * (quadratic: seconds for 2,000 distinct characters) and adds nothing here. Glyph ids agree,
 * since jsPDF parses these same bytes to write the text.
 */
function embedFont(doc: jsPDF, font: PdfFont, style: 'normal' | 'bold') {
  doc.addFileToVFS(font.file, font.binary)
  doc.addFont(font.file, FONT_FAMILY, style)
  doc.setFont(FONT_FAMILY, style)
  embedWithoutJsPdf(doc.getFont().metadata as object, font)
}

/** The title on one line, or broken after the agency's name (never inside a word of the rest). */
function titleLines(page: PageWriter, content: ReportContent) {
  const width = TEXT_WIDTH - 2 * CHAR
  const whole = page.lines(content.title, width)
  if (whole.length === 1) return whole
  const name = content.title.slice(0, content.titleBreak)
  const rest = content.title.slice(content.titleBreak)
  return [...page.lines(name, width), ...page.lines(rest, width)]
}

/** 成文日期 right-indented four characters; the name centred over the date (GB/T 9704 7.3.5.1). */
function writeSignature(page: PageWriter, signature: ReportContent['signature']) {
  page.ensure(SIGNATURE)
  page.y += Math.max(MIN_SEAL_ROOM, Math.min(SEAL_ROOM, TEXT_BOTTOM - 2 * BODY_LINE - page.y))
  page.use('normal', BODY_PT)
  const right = MARGIN.left + TEXT_WIDTH - 4 * CHAR
  const dateWidth = page.measure(signature.date)
  const centre = right - dateWidth / 2
  const nameWidth = page.measure(signature.name)
  const nameX = Math.max(
    MARGIN.left,
    Math.min(centre - nameWidth / 2, MARGIN.left + TEXT_WIDTH - nameWidth),
  )
  page.writeLine(
    { text: signature.name, width: nameWidth, last: true },
    nameX,
    0,
    BODY_LINE,
    BODY_PT,
  )
  page.writeLine(
    { text: signature.date, width: dateWidth, last: true },
    right - dateWidth,
    0,
    BODY_LINE,
    BODY_PT,
  )
}

/**
 * Page numbers as GB/T 9704 7.5 prints them: 4号, an em dash each side, 7 mm under the text area,
 * on the outer side one character in (odd pages right, even pages left). Then the draft mark.
 */
function finishPages(doc: jsPDF, draft: boolean) {
  const pages = doc.getNumberOfPages()
  const size = 14
  const inset = size * PT
  for (let n = 1; n <= pages; n++) {
    doc.setPage(n)
    doc.setFont(FONT_FAMILY, 'normal')
    doc.setFontSize(size)
    doc.setTextColor(0)
    const y = TEXT_BOTTOM + 7 + size * PT * 0.8
    if (n % 2 === 1) {
      doc.text(`— ${n} —`, PAGE.width - MARGIN.right - inset, y, { align: 'right' })
    } else doc.text(`— ${n} —`, MARGIN.left + inset, y)
    if (draft) drawDraftMark(doc)
  }
}

function drawDraftMark(doc: jsPDF) {
  doc.setFont(FONT_FAMILY, 'bold')
  doc.setTextColor(200, 30, 30)
  doc.setFontSize(14)
  doc.text(DRAFT_MARK, PAGE.width - MARGIN.right, MARGIN.top - 12, { align: 'right' })
  doc.saveGraphicsState()
  doc.setGState(new GState({ opacity: 0.18 }))
  doc.setFontSize(54)
  doc.text(DRAFT_MARK, PAGE.width / 2 - 72, PAGE.height / 2 + 50, { angle: 40 })
  doc.restoreGraphicsState()
  doc.setTextColor(0)
}
