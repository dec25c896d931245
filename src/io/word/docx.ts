/**
 * The report as a Word document in the style of a 公文 (GB/T 9704-2012): A4, margins top 37,
 * bottom 35, left 28, right 26 mm; title 方正小标宋简体 二号 centred; body 仿宋_GB2312 三号, 22
 * lines a page, first-line indent of two characters; 一级标题 黑体, 二级标题 (`（一）…。` at a
 * paragraph's start) 楷体_GB2312; the three tables from `tableLayout` with borders, merges,
 * repeated header rows and centred numbers; signature and date; page numbers 「— 1 —」 on the
 * outer side. Fonts are named, not embedded: Word and WPS on Chinese Windows have them, and each
 * names its common fallback in the font table (宋体, 仿宋, 楷体).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx'
import { reportTitle, tableLayout, type Report, type TableSpec } from '../../domain'
import { safeFileName } from '../fileName'
import { reportContent } from '../pdf/content'
import { columnWeights } from '../web/reportHtml'

const MM = 1440 / 25.4
const PAGE = { width: 11906, height: 16838 }
const MARGIN = { top: 37, bottom: 35, left: 28, right: 26 }
/** Text width: 156 mm, 28 characters of 三号. */
const TEXT_WIDTH = PAGE.width - Math.round((MARGIN.left + MARGIN.right) * MM)

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt (page numbers), 五号 10.5 pt (tables). */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21 }
/** 22 lines on the 225 mm text height: exactly 28.9 pt a line. */
const BODY_LINE = Math.floor(((PAGE.height / MM - MARGIN.top - MARGIN.bottom) * MM) / 22)
/** Two characters of 三号 in twips. */
const INDENT_2 = 2 * 16 * 20

const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  number: 'Times New Roman',
} as const

const run = (text: string, eastAsia: string, size: number = SIZE.body) =>
  new TextRun({
    text,
    size,
    font: { eastAsia, ascii: FONT.number, hAnsi: FONT.number, cs: FONT.number },
  })

const bodySpacing = { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }

const paragraph = (options: IParagraphOptions) =>
  new Paragraph({ spacing: bodySpacing, ...options })

/** `（一）主动公开。` at a paragraph's start is a second-level heading (楷体). */
const SUBHEADING = /^（[一二三四五六七八九十]{1,3}）[^。！？]{1,30}[。！？]/u

function bodyParagraph(text: string): Paragraph {
  const sub = SUBHEADING.exec(text)?.[0]
  const children = sub
    ? [run(sub, FONT.heading2), run(text.slice(sub.length), FONT.body)]
    : [run(text, FONT.body)]
  return paragraph({ children, indent: { firstLine: INDENT_2 }, alignment: AlignmentType.BOTH })
}

/** Table text: 五号 (10.5 pt) characters and lines, in twips. */
const TABLE_CHAR = 210
const TABLE_LINE = 275
const CELL_PADDING = 120
const MIN_ROW = 400
/** A block of at most this many rows is kept on one page. */
const SHORT_BLOCK_ROWS = 15

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE }

function table(spec: TableSpec, values: ReadonlyMap<string, string>): Table {
  const layout = tableLayout(spec)
  const weights = columnWeights(spec)
  const total = weights.reduce((a, b) => a + b, 0)
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total))
  // Word repeats header rows only when they lead the table: tables 三 and 四 (one block each).
  const repeatHead = spec.blocks.length === 1
  // A short block (each of 二's four, table 四) stays on one page; in a long one (三) the rows of a
  // merged sub-group label (（三）不予公开 …) stay together, so the label is never cut by a page
  // break. (The outermost label, 三、本年度办理结果, spans more than a page and may break.)
  // A merged row label fits in its first row (which never splits), so a page break among its
  // rows cannot cut the label in two — LibreOffice ignores keep-with-next inside tables.
  const firstRowHeight = new Map<number, number>()
  for (const row of layout.rows) {
    for (const c of row.cells) {
      if (c.kind !== 'rowHeader' || c.rowSpan < 2) continue
      const width = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0)
      const perLine = Math.max(1, Math.floor((width - CELL_PADDING) / TABLE_CHAR))
      const height = Math.ceil(charWidth(c.text) / perLine) * TABLE_LINE + CELL_PADDING
      firstRowHeight.set(c.row, Math.max(firstRowHeight.get(c.row) ?? MIN_ROW, height))
    }
  }
  const keepWithNext = new Set<number>()
  const blockRows = (block: number) => layout.rows.filter((r) => r.blockIndex === block).length
  layout.rows.forEach((row, i) => {
    const next = layout.rows[i + 1]
    if (next?.blockIndex === row.blockIndex && blockRows(row.blockIndex) <= SHORT_BLOCK_ROWS) {
      keepWithNext.add(i)
    }
  })
  for (const row of layout.rows) {
    for (const c of row.cells) {
      if (c.kind !== 'rowHeader' || c.rowSpan < 2 || c.col === 0) continue
      for (let r = c.row; r < c.row + c.rowSpan - 1; r++) keepWithNext.add(r)
    }
  }
  const rows = layout.rows.map(
    (row, index) =>
      new TableRow({
        tableHeader: repeatHead && row.kind === 'head',
        cantSplit: true,
        height: { value: firstRowHeight.get(index) ?? MIN_ROW, rule: HeightRule.ATLEAST },
        children: row.cells.map((cell) => {
          const text = cell.cellId ? (values.get(cell.cellId) ?? '') : cell.text
          const width = widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0)
          return new TableCell({
            rowSpan: cell.rowSpan,
            columnSpan: cell.colSpan,
            width: { size: width, type: WidthType.DXA },
            // A tall merged row label starts at its first row, so a page break inside its rows
            // (Word keeps them together; LibreOffice does not) leaves the label whole above it.
            verticalAlign:
              cell.kind === 'rowHeader' && cell.rowSpan > 1
                ? VerticalAlign.TOP
                : VerticalAlign.CENTER,
            borders: BORDERS,
            margins: { left: CELL_PADDING / 2, right: CELL_PADDING / 2 },
            children: [
              new Paragraph({
                keepNext: keepWithNext.has(index) && index < layout.rows.length - 1,
                alignment: cell.kind === 'rowHeader' ? AlignmentType.LEFT : AlignmentType.CENTER,
                children: [run(text, FONT.body, SIZE.table)],
              }),
            ],
          })
        }),
      }),
  )
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...BORDERS, insideHorizontal: LINE, insideVertical: LINE },
  })
}

/** 「— 1 —」, 四号 宋体, one character in from the outer edge (odd right, even left). */
const pageNumber = (alignment: 'left' | 'right') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: SIZE.pageNumber,
            font: { eastAsia: '宋体', ascii: '宋体', hAnsi: '宋体' },
          }),
        ],
      }),
    ],
  })

/** Width of a line in characters of 三号 (digits and Latin letters count half). */
const charWidth = (text: string) =>
  [...text].reduce((n, c) => n + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0)

/** The font table's fallbacks for the named fonts: what Word and WPS use when one is missing. */
const FONT_FALLBACKS: readonly [string, string][] = [
  [FONT.title, '宋体'],
  [FONT.body, '仿宋'],
  [FONT.heading2, '楷体'],
  [FONT.heading1, 'SimHei'],
  ['宋体', 'SimSun'],
]

function fontTable(): string {
  const fonts = FONT_FALLBACKS.map(
    ([name, alt]) =>
      `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
  ).join('')
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts}<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`
  )
}

/** A title longer than a line (20 characters of 二号) breaks after the agency's name. */
const TITLE_LINE = 20

function titleRuns(title: string, breakAt: number): TextRun[] {
  if (charWidth(title) <= TITLE_LINE || breakAt <= 0 || breakAt >= title.length) {
    return [run(title, FONT.title, SIZE.title)]
  }
  return [
    run(title.slice(0, breakAt), FONT.title, SIZE.title),
    new TextRun({ break: 1 }),
    run(title.slice(breakAt), FONT.title, SIZE.title),
  ]
}

export function buildDocument(report: Report): Document {
  const content = reportContent(report)
  const children: (Paragraph | Table)[] = [
    paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: BODY_LINE },
      children: titleRuns(content.title, content.titleBreak),
    }),
  ]
  for (const block of content.blocks) {
    if (block.kind === 'heading') {
      children.push(
        paragraph({
          indent: { firstLine: INDENT_2 },
          keepNext: true,
          children: [run(block.text, FONT.heading1)],
        }),
      )
    } else if (block.kind === 'paragraph') {
      children.push(bodyParagraph(block.text))
    } else {
      children.push(table(block.table, block.values), paragraph({ children: [] }))
    }
  }
  // Signature centred over the date; the date four characters in from the right (GB/T 9704 7.3.5).
  const { name, date } = content.signature
  const nameRight = Math.max(0, 4 + (charWidth(date) - charWidth(name)) / 2)
  children.push(
    paragraph({ children: [] }),
    paragraph({ children: [] }),
    paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(nameRight * 320) },
      children: [run(name, FONT.body)],
    }),
    paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * 320 },
      children: [run(date, FONT.body)],
    }),
  )
  return new Document({
    creator: report.meta.agencyName,
    title: content.title,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: {
              top: Math.round(MARGIN.top * MM),
              bottom: Math.round(MARGIN.bottom * MM),
              left: Math.round(MARGIN.left * MM),
              right: Math.round(MARGIN.right * MM),
              footer: Math.round(28 * MM),
            },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  })
}

/** The .docx bytes of a report. */
export async function writeDocx(report: Report): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await Packer.toArrayBuffer(buildDocument(report), false, [
    { path: 'word/fontTable.xml', data: fontTable() },
  ])
  return new Uint8Array(buffer)
}

export const wordFileName = (report: Report) => safeFileName(`${reportTitle(report.meta)}.docx`)
