/**
 * Reads the text/plain flavour Excel and WPS put on the clipboard: rows separated by line breaks,
 * cells by tabs, a cell holding a tab, quote or line break wrapped in double quotes.
 */
export function parseClipboardBlock(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === '\t') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  // Excel ends the copied block with a line break; a trailing empty line is not a row.
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** True when the clipboard holds more than one cell (a single value edits the cell instead). */
export const isBlock = (rows: readonly (readonly string[])[]) =>
  rows.length > 1 || (rows[0]?.length ?? 0) > 1
