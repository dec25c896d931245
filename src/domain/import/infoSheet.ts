/**
 * The 「报告信息」 sheet of our own Excel export, read back: 机关名称 in its field row and each
 * narrative section as the export lays it out (the heading in column A, one row per paragraph in
 * column B, a blank row before the next heading). Trailing line breaks are not told apart from
 * that layout. Used to see what a colleague changed there.
 */
import type { FormatSpec, NarrativeKey } from '../formats'
import { undoNeutralise } from './dataSheet'
import { a1, cellText, type Grid } from './grid'

export const INFO_SHEET_NAME = '报告信息'
const AGENCY_LABEL = '机关名称'

export interface InfoText {
  readonly text: string
  /** `报告信息!B12`: where the text (its first paragraph) is in the file. */
  readonly address: string
}

export interface InfoSheetTexts {
  readonly agencyName?: InfoText
  readonly narrative: Partial<Record<NarrativeKey, InfoText>>
}

const address = (grid: Grid, row: number) => `${grid.name}!${a1(row, 1)}`

export function readInfoSheet(grid: Grid, format: FormatSpec): InfoSheetTexts {
  const headings = new Map(
    format.sections.flatMap((s) => (s.kind === 'narrative' ? [[s.heading, s.key] as const] : [])),
  )
  const headingRows = grid.rows.flatMap((_, row) =>
    headings.has(cellText(grid, row, 0).trim()) ? [row] : [],
  )
  const narrative: Partial<Record<NarrativeKey, InfoText>> = {}
  headingRows.forEach((row, i) => {
    const end = headingRows[i + 1] ?? grid.rows.length
    const lines: string[] = []
    for (let r = row + 1; r < end; r++) lines.push(undoNeutralise(cellText(grid, r, 1)))
    // The blank row before the next heading (and any trailing blank rows) is layout, not text.
    const text = lines.join('\n').replace(/\n+$/, '')
    const key = headings.get(cellText(grid, row, 0).trim())!
    narrative[key] ??= { text, address: address(grid, row + 1) }
  })
  const agencyRow = grid.rows.findIndex((_, row) => cellText(grid, row, 0).trim() === AGENCY_LABEL)
  return {
    narrative,
    ...(agencyRow >= 0
      ? {
          agencyName: {
            text: undoNeutralise(cellText(grid, agencyRow, 1)),
            address: address(grid, agencyRow),
          },
        }
      : {}),
  }
}
