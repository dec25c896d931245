/** Where each label-like text sits in a grid, so every official label is looked up once. */
import { mergeAt, type Grid } from './grid'
import { looksLikeLabel, normalizeLabel } from '../labels'

export interface Position {
  readonly row: number
  readonly col: number
  /** Last row and column covered by the cell's merge (the cell itself when not merged). */
  readonly rowEnd: number
  readonly colEnd: number
}

export interface LabelCell extends Position {
  readonly text: string
  readonly norm: string
}

export interface SheetIndex {
  readonly grid: Grid
  readonly byLabel: ReadonlyMap<string, readonly LabelCell[]>
  readonly labels: readonly LabelCell[]
}

/** Labels are short; longer texts are narrative paragraphs and never a table label. */
const MAX_LABEL_LENGTH = 120

export function indexSheet(grid: Grid): SheetIndex {
  const byLabel = new Map<string, LabelCell[]>()
  const labels: LabelCell[] = []
  grid.rows.forEach((cells, row) => {
    cells.forEach((text, col) => {
      if (!text || text.length > MAX_LABEL_LENGTH || !looksLikeLabel(text)) return
      const merge = mergeAt(grid, row, col)
      const cell = {
        row,
        col,
        rowEnd: merge.r1,
        colEnd: merge.c1,
        text,
        norm: normalizeLabel(text),
      }
      labels.push(cell)
      const same = byLabel.get(cell.norm)
      if (same) same.push(cell)
      else byLabel.set(cell.norm, [cell])
    })
  })
  return { grid, byLabel, labels }
}
