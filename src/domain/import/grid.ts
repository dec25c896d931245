/**
 * A sheet as the importer sees it: rows of cell texts plus merged ranges. Every source (xlsx,
 * xls, csv, and later pasted HTML) is turned into Grids first, so label matching has one input.
 */

export interface GridMerge {
  /** Zero-based, inclusive. */
  readonly r0: number
  readonly c0: number
  readonly r1: number
  readonly c1: number
}

export interface Grid {
  readonly name: string
  /** Cell texts; a cell covered by a merge (not its top-left corner) is ''. */
  readonly rows: readonly (readonly string[])[]
  readonly merges: readonly GridMerge[]
  /**
   * Cells holding a formula whose result was never saved (a workbook written by a script and
   * not opened since), as `row:col`: their text is '' but they are not blank.
   */
  readonly unsavedFormulas?: ReadonlySet<string>
}

export const cellText = (grid: Grid, row: number, col: number): string =>
  grid.rows[row]?.[col] ?? ''

const columnLetters = (col: number): string => {
  let out = ''
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out
  }
  return out
}

/** `C7` for row 6, column 2 (zero-based), as Excel and WPS show it. */
export const a1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`

/** `表三!C7`: where the user finds the cell in their own file. */
export const sheetAddress = (grid: Grid, row: number, col: number) => `${grid.name}!${a1(row, col)}`

const mergeIndex = new WeakMap<Grid, ReadonlyMap<string, GridMerge>>()

/** The merged range whose top-left corner is (row, col), or the single cell itself. */
export function mergeAt(grid: Grid, row: number, col: number): GridMerge {
  let index = mergeIndex.get(grid)
  if (!index) {
    index = new Map(grid.merges.map((m) => [`${m.r0}:${m.c0}`, m]))
    mergeIndex.set(grid, index)
  }
  return index.get(`${row}:${col}`) ?? { r0: row, c0: col, r1: row, c1: col }
}
