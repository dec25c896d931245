/**
 * What the PDF prints, before any layout: the title, the six sections in the format's order,
 * the signature. Character coverage is checked on this, and the renderer draws from it.
 */
import {
  cellMap,
  chineseDate,
  formatCellValue,
  formatOf,
  recomputeTotals,
  reportTitle,
  tableLayout,
  type Report,
  type TableSpec,
} from '../../domain'
import { paragraphsOf } from './lineBreak'

export type ContentBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; where: string }
  | { kind: 'table'; table: TableSpec; values: ReadonlyMap<string, string> }

export interface ReportContent {
  readonly title: string
  /** Where a title too long for one line breaks first: after the agency's name. */
  readonly titleBreak: number
  readonly blocks: readonly ContentBlock[]
  readonly signature: { readonly name: string; readonly date: string }
}

/** A piece of printed text, where the user would find it, and the weight it prints in. */
export interface PrintedText {
  readonly text: string
  readonly where: string
  readonly bold: boolean
}

/** `2026-01-20` → `2026年1月20日`; no date yet leaves the blanks to fill in by hand. */
export const formatIssuedOn = (isoDate: string | undefined): string =>
  chineseDate(isoDate) ?? '　　年　　月　　日'

export function reportContent(report: Report): ReportContent {
  const format = formatOf(report)
  const cells = recomputeTotals(report)
  const specs = cellMap(format)
  const blocks: ContentBlock[] = []
  for (const section of format.sections) {
    blocks.push({ kind: 'heading', text: section.heading })
    if (section.kind === 'narrative') {
      paragraphsOf(report.narrative[section.key]).forEach((text, i) =>
        blocks.push({ kind: 'paragraph', text, where: `“${section.heading}”第${i + 1}段` }),
      )
    } else {
      const values = new Map<string, string>()
      for (const row of tableLayout(section.table).rows) {
        for (const cell of row.cells) {
          if (cell.cellId && specs.has(cell.cellId)) {
            values.set(cell.cellId, formatCellValue(cells[cell.cellId]))
          }
        }
      }
      blocks.push({ kind: 'table', table: section.table, values })
    }
  }
  return {
    title: reportTitle(report.meta),
    titleBreak: report.meta.agencyName.length,
    blocks,
    signature: { name: report.meta.agencyName, date: formatIssuedOn(report.meta.issuedOn) },
  }
}

/** Every text the PDF prints, with a place name a user understands. */
export function printedTexts(content: ReportContent): PrintedText[] {
  const texts: PrintedText[] = [
    { text: content.title, where: '标题（机关名称）', bold: true },
    { text: content.signature.name, where: '落款（机关名称）', bold: false },
    { text: content.signature.date, where: '落款（成文日期）', bold: false },
  ]
  for (const block of content.blocks) {
    if (block.kind === 'heading') texts.push({ text: block.text, where: '标题', bold: true })
    if (block.kind === 'paragraph')
      texts.push({ text: block.text, where: block.where, bold: false })
    if (block.kind === 'table') {
      for (const row of tableLayout(block.table).rows) {
        for (const cell of row.cells) {
          const where = block.table.shortName
          texts.push({ text: cell.text, where, bold: false })
          const value = cell.cellId && block.values.get(cell.cellId)
          if (value) texts.push({ text: value, where, bold: false })
        }
      }
    }
  }
  return texts
}

export interface MissingCharacter {
  readonly char: string
  readonly codePoint: string
  readonly where: readonly string[]
}

/** Characters some font cannot draw, each with every place it occurs. */
export function missingCharacters(
  texts: readonly PrintedText[],
  canDraw: (codePoint: number, bold: boolean) => boolean,
): MissingCharacter[] {
  const missing = new Map<string, Set<string>>()
  for (const { text, where, bold } of texts) {
    for (const char of text) {
      if (/\s/.test(char) || canDraw(char.codePointAt(0)!, bold)) continue
      const places = missing.get(char) ?? new Set<string>()
      places.add(where)
      missing.set(char, places)
    }
  }
  return [...missing].map(([char, where]) => ({
    char,
    codePoint: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    where: [...where],
  }))
}
