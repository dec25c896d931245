/**
 * The parsed trees that Word XML and HTML become (htmlparser2's DOM): a few helpers shared by the
 * two readers. Nothing here renders: text nodes are read as text, never put back into a page.
 */
import type { parseDocument } from 'htmlparser2'
import type { GridMerge } from '../../domain'

export type DomNode = ReturnType<typeof parseDocument>['children'][number]
export type DomElement = Extract<DomNode, { name: string; attribs: unknown; children: unknown }>

export const isElement = (node: DomNode): node is DomElement => 'name' in node && 'children' in node

export const childElements = (node: { children: DomNode[] }, name?: string): DomElement[] =>
  node.children.filter((c): c is DomElement => isElement(c) && (!name || c.name === name))

export interface PlacedCell {
  readonly text: string
  readonly rowSpan: number
  readonly colSpan: number
}

/**
 * Rows of cells with spans → a Grid's rows and merges, placing each cell in the first column not
 * covered by a cell above (HTML rowspan; Word's vertical merges arrive as rowSpan too).
 */
export function placeCells(
  rows: readonly (readonly PlacedCell[])[],
  skipBefore: readonly number[] = [],
) {
  const grid: string[][] = rows.map(() => [])
  const covered = new Set<string>()
  const merges: GridMerge[] = []
  rows.forEach((cells, r) => {
    let c = skipBefore[r] ?? 0
    for (const cell of cells) {
      while (covered.has(`${r}:${c}`)) c++
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - r))
      const colSpan = Math.max(1, Math.min(cell.colSpan, 1000))
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          covered.add(`${r + dr}:${c + dc}`)
          if (dr || dc) grid[r + dr]![c + dc] = ''
        }
      }
      grid[r]![c] = cell.text
      if (rowSpan > 1 || colSpan > 1)
        merges.push({ r0: r, c0: c, r1: r + rowSpan - 1, c1: c + colSpan - 1 })
      c += colSpan
    }
  })
  const width = Math.max(0, ...grid.map((row) => row.length))
  return {
    rows: grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? '')),
    merges,
  }
}
